// End-to-end test of editing on the canvas with the mouse, in the real desktop app (tauri-driver
// + WebKitWebDriver, under Xvfb): drag a state in from the palette onto a transition, drag a
// connection, undo. Needs the debug app built with `--features custom-protocol`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { button, codeText, fixtures, launchOn, repo, shot, test, useDriver, work, workFile } from './harness.mjs';

const example = join(repo, 'examples/order-processing.asl.json');
const nested = join(fixtures, 'ship-and-notify.asl.json');
const CTRL = '\uE009';
const DELETE = '\uE017';
const SHIFT = '\uE008';
const ENTER = '\uE007';
const BACKSPACE = '\uE003';

useDriver();

/** Launches the app on a fresh copy of `fixture` and waits for its transitions to be drawn. */
async function launch(name, fixture) {
  const file = workFile(name, { from: fixture });
  const session = await launchOn(file, name);
  try {
    await session.until('the diagram and its transitions', async () =>
      (await session.execute(`return document.querySelectorAll('.react-flow__edge').length;`)) > 0,
    );
  } catch (e) {
    await shot(session, `failed-launch-${name}`);
    await session.delete();
    throw e;
  }
  return { session, file };
}

/** Marks progress in the test output, so a stuck step is easy to find. */
function step(n) {
  console.log(`step ${n} at ${new Date().toISOString()}`);
}

/** The centre of the first element matching `css`, in viewport pixels. */
async function centre(session, css) {
  const r = await session.execute(
    `const e = document.querySelector(arguments[0]); if (!e) return null; const r = e.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 };`,
    [css],
  );
  assert.ok(r, `nothing matches ${css}`);
  return r;
}

/**
 * The middle of the drawn transition named `label` (aria-label "A to B"), in viewport pixels:
 * the path's midpoint (flow units) through the canvas's pan and zoom (WebKit's getScreenCTM
 * leaves out the CSS transform React Flow pans with).
 */
async function edgeMiddle(session, label) {
  const p = await session.execute(
    `const edge = [...document.querySelectorAll('.react-flow__edge')].find(e => e.getAttribute('aria-label') === arguments[0]);
     if (!edge) return null;
     const path = edge.querySelector('path.react-flow__edge-path');
     const mid = path.getPointAtLength(path.getTotalLength() / 2);
     const m = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')).transform);
     const pane = document.querySelector('.react-flow').getBoundingClientRect();
     return { x: pane.left + m.a * mid.x + m.e, y: pane.top + m.d * mid.y + m.f };`,
    [label],
  );
  assert.ok(p, `no transition named ${label}`);
  return p;
}

/** Waits until the canvas stops moving (fitting the view animates; a new layout re-routes). */
async function settled(session) {
  const transform = () =>
    session.execute(
      `return getComputedStyle(document.querySelector('.react-flow__viewport')).transform + '|' +
        [...document.querySelectorAll('.react-flow__node')].map(n => n.style.transform).join() + '|' +
        [...document.querySelectorAll('.react-flow__edge-path')].map(p => p.getAttribute('d')).join();`,
    );
  let last = await transform();
  await session.until('the canvas to settle', async () => {
    await new Promise((r) => setTimeout(r, 300));
    const now = await transform();
    const same = now === last;
    last = now;
    return same;
  });
}

test('drag a state in from the palette onto a transition, connect it by dragging, undo', async () => {
  const { session } = await launch('canvas', example);
  try {
    const original = await codeText(session);
    await shot(session, 'canvas-00-opened');

    step('1');
    // 1. A Wait dragged from the palette onto the ValidateOrder → IsOrderValid transition.
    await settled(session);
    const from = await centre(session, '.palette [aria-label="Wait"]');
    const onto = await edgeMiddle(session, 'ValidateOrder to IsOrderValid');
    // Timing inside the page: from the drop (mouseup) to the ASL JSON pane and the canvas changing.
    await session.execute(
      `window.__t = {};
       window.addEventListener('statewright:palette-drop', () => { window.__t.drop = performance.now(); }, { once: true });
       const seen = (key, test) => new MutationObserver(() => { if (window.__t.drop && !window.__t[key] && test()) window.__t[key] = performance.now(); });
       seen('pane', () => document.querySelector('.cm-content').textContent.includes('New Wait'))
         .observe(document.querySelector('.cm-content'), { subtree: true, childList: true, characterData: true });
       seen('canvas', () => document.querySelector('.react-flow__node [aria-label="New Wait"]') !== null)
         .observe(document.querySelector('.react-flow'), { subtree: true, childList: true });`,
    );
    await session.drag(from, onto, { steps: 12, release: false });
    // While dragging: the item follows the pointer and the transition it would go into is lit.
    const lit = await session.until('the transition lit as the drop target', () =>
      session.execute(`return document.querySelector('.react-flow__edge.drop-target')?.getAttribute('aria-label') ?? null;`),
    );
    assert.equal(lit, 'ValidateOrder to IsOrderValid');
    await shot(session, 'canvas-01a-dragging-over-transition');
    await session.release();
    const inserted = await session.until('the Wait wired into the transition', async () => {
      const text = await codeText(session);
      const doc = JSON.parse(text);
      return doc.States['New Wait'] ? { text, doc } : null;
    });
    const t = await session.until('the timings', () =>
      session.execute(`return window.__t.pane && window.__t.canvas ? window.__t : null;`),
    );
    console.log(`drop → ASL JSON pane ${Math.round(t.pane - t.drop)} ms, drop → state drawn ${Math.round(t.canvas - t.drop)} ms`);
    assert.equal(inserted.doc.States.ValidateOrder.Next, 'New Wait');
    assert.deepEqual(inserted.doc.States['New Wait'], { Type: 'Wait', Seconds: 10, Next: 'IsOrderValid' });
    // Lossless: the original text with the new state and the changed target, nothing else.
    const keysBefore = Object.keys(JSON.parse(original).States);
    const keysAfter = Object.keys(inserted.doc.States);
    assert.deepEqual(keysAfter, [keysBefore[0], 'New Wait', ...keysBefore.slice(1)], 'the new state is written after its source');
    assert.equal(inserted.text.replace(/\n {4}"New Wait": \{[^}]*\},/, '').replace('"Next": "New Wait"', '"Next": "IsOrderValid"'), original);
    await session.until('the new state drawn', async () =>
      session.execute(`return document.querySelector('.react-flow__node [aria-label="New Wait"]') !== null;`),
    );
    await shot(session, 'canvas-01-wait-dropped-on-transition');

    step('2');
    // 2. A connection dragged from the new Wait's "next" handle to OrderRejected.
    await session.until('the edges of the new layout', async () =>
      (await session.execute(`return [...document.querySelectorAll('.react-flow__edge')].some(e => e.getAttribute('aria-label') === 'New Wait to IsOrderValid');`)),
    );
    await settled(session);
    const handle = await centre(session, '.react-flow__node [aria-label="New Wait"] .handle-next');
    const target = await centre(session, '.react-flow__node [aria-label="OrderRejected"]');
    await session.drag(handle, target, { steps: 12 });
    const connected = await session.until('Next changed by the dragged connection', async () => {
      const doc = JSON.parse(await codeText(session));
      return doc.States['New Wait'].Next === 'OrderRejected' ? doc : null;
    }).catch(async (e) => {
      await shot(session, 'canvas-02-failed-connection');
      throw e;
    });
    assert.equal(connected.States['New Wait'].End, undefined);
    await shot(session, 'canvas-02-connected');

    step('3');
    // 3. Undo returns the text from before the connection, then from before the drop.
    await (await button(session, 'Undo')).click();
    await session.until('the text before the connection', async () => (await codeText(session)) === inserted.text);
    await (await button(session, 'Undo')).click();
    await session.until('the original text', async () => (await codeText(session)) === original);
    await session.until('the Wait gone from the canvas', async () =>
      session.execute(`return document.querySelector('.react-flow__node [aria-label="New Wait"]') === null;`),
    );
    await shot(session, 'canvas-03-undone');
  } finally {
    await session.delete();
  }
});

test('drop into a branch, move a state (pinned and saved beside the file), delete a transition, duplicate, copy and paste', async () => {
  const { session, file } = await launch('canvas-more', nested);
  try {
    const doc = async () => JSON.parse(await codeText(session));
    step('1');
    // 1. A Pass dropped inside the second branch of "Ship and notify" goes into that branch.
    await settled(session);
    const branch = await session.execute(
      `const r = document.querySelectorAll('[data-container-type="Branch"]')[1].getBoundingClientRect(); return { x: r.right - 6, y: r.top + 6 };`,
    );
    await session.drag(await centre(session, '.palette [aria-label="Pass"]'), branch, { steps: 12 });
    const dropped = await session.until('the Pass inside the branch', async () => {
      const d = await doc();
      return d.States['Ship and notify'].Branches[1].States['New Pass'] ? d : null;
    });
    assert.deepEqual(dropped.States['New Pass'], undefined, 'not added to the top level');
    await shot(session, 'canvas-10-dropped-in-branch');

    step('2');
    // 2. Moving "Check stock" pins it; Save writes the pin beside the file.
    const sidecar = file.replace(/\.json$/, '.layout.json');
    await settled(session);
    const check = await centre(session, '.react-flow__node [aria-label="Check stock"] .state-name');
    await session.drag(check, { x: check.x + 90, y: check.y + 10 }, { steps: 8 });
    await session.until('Save enabled by the move', async () => (await button(session, 'Save')).enabled());
    await (await button(session, 'Save')).click();
    const pins = await session.until('the layout saved beside the file', () => existsSync(sidecar) && JSON.parse(readFileSync(sidecar, 'utf8')));
    assert.equal(pins.version, 1);
    assert.ok(pins.pins['/States/Check stock'], `pinned: ${JSON.stringify(pins)}`);
    await shot(session, 'canvas-11-moved-and-saved');

    // Renaming the moved state in the inspector keeps it where it was put (its pin follows the
    // new name); Undo brings back the old name and the state stays there too.
    const where = (name) =>
      session.execute(`return document.querySelector(arguments[0])?.closest('.react-flow__node').style.transform ?? null;`, [
        `.react-flow__node [aria-label="${name}"]`,
      ]);
    await settled(session);
    const moved = await where('Check stock');
    await (await session.find('.react-flow__node [aria-label="Check stock"] .state-head')).click();
    const nameField = await session.until('the inspector on Check stock', async () =>
      (await session.execute(`return document.querySelector('.inspector input')?.value;`)) === 'Check stock' ? session.find('.inspector input') : null,
    );
    await nameField.click();
    await session.keys([{ down: CTRL }, { type: 'a' }, { up: CTRL }, { type: BACKSPACE + 'Check the stock' + ENTER }]);
    await session.until('the renamed state in the code', async () => (await doc()).States['Check the stock'] !== undefined);
    await settled(session);
    assert.equal(await where('Check the stock'), moved, 'the renamed state stays where it was moved');
    await shot(session, 'canvas-11b-renamed-in-place');
    await (await button(session, 'Undo')).click();
    await session.until('the old name back', async () => (await doc()).States['Check stock'] !== undefined);
    await settled(session);
    assert.equal(await where('Check stock'), moved, 'after Undo the state is still where it was moved');

    step('3');
    // 3. A transition clicked and deleted with the Delete key: the state ends instead.
    await session.until('the new layout drawn', async () =>
      (await session.execute(`return [...document.querySelectorAll('.react-flow__edge')].some(e => e.getAttribute('aria-label') === 'Check stock to In stock?');`)),
    );
    // A click on a thin line can land as the layout re-routes it: look again and retry.
    for (let attempt = 1; ; attempt++) {
      await settled(session);
      await session.clickAt(await edgeMiddle(session, 'Check stock to In stock?'));
      const picked = await session
        .until('the transition selected', async () => session.execute(`return document.querySelector('.react-flow__edge.selected') !== null;`), 3000)
        .catch(() => false);
      if (picked) break;
      if (attempt === 3) {
        await shot(session, 'canvas-12-failed-edge-click').catch(() => undefined);
        throw new Error('clicking the transition did not select it');
      }
    }
    await session.keys([{ type: DELETE }]);
    const cut = await session.until('the transition removed', async () => {
      const d = await doc();
      return d.States['Check stock'].Next === undefined ? d : null;
    });
    assert.equal(cut.States['Check stock'].End, true);
    await shot(session, 'canvas-12-transition-deleted');

    step('4');
    // 4. Ctrl+D duplicates the selected state under a free name.
    await (await session.find('.react-flow__node [aria-label="Charge card"]')).click();
    await session.keys([{ down: CTRL }, { type: 'd' }, { up: CTRL }]);
    const copied = await session.until('the copy', async () => {
      const d = await doc();
      return d.States['Charge card 2'] ? d : null;
    });
    assert.deepEqual(copied.States['Charge card 2'], copied.States['Charge card']);
    await session.until('the copy drawn and selected', async () =>
      session.execute(`return document.querySelector('.react-flow__node [aria-label="Charge card 2"]')?.classList.contains('selected') ?? false;`),
    );
    await shot(session, 'canvas-13-duplicated');

    step('5');
    // 5. Ctrl+C then Ctrl+V pastes another copy, numbered on.
    await session.keys([{ down: CTRL }, { type: 'c' }, { up: CTRL }, { down: CTRL }, { type: 'v' }, { up: CTRL }]);
    const pasted = await session.until('the pasted copy', async () => {
      const d = await doc();
      return d.States['Charge card 3'] ? d : null;
    });
    assert.deepEqual(pasted.States['Charge card 3'], copied.States['Charge card']);

    step('6');
    // 6. Shift-click selects several states; Delete removes them all.
    await settled(session);
    await session.clickAt(await centre(session, '.react-flow__node [aria-label="Charge card 2"] .state-name'));
    await session.clickWith(SHIFT, await centre(session, '.react-flow__node [aria-label="Charge card 3"] .state-name'));
    await session.until('two states selected', async () =>
      (await session.execute(`return document.querySelectorAll('.react-flow__node .state.selected').length;`)) === 2,
    );
    await shot(session, 'canvas-14-two-selected');
    await (await button(session, 'Delete')).click();
    await session.until('both deleted', async () => {
      const d = await doc();
      return !d.States['Charge card 2'] && !d.States['Charge card 3'];
    });

    step('7');
    // 7. From a Choice: the "rule" handle adds a rule, the "default" handle sets the default.
    await settled(session);
    const rule = await centre(session, '.react-flow__node [aria-label="In stock?"] .handle-rule');
    await session.drag(rule, await centre(session, '.react-flow__node [aria-label="Payment failed"]'), { steps: 10 });
    const ruled = await session.until('a second rule', async () => {
      const d = await doc();
      return d.States['In stock?'].Choices.length === 2 ? d : null;
    });
    assert.deepEqual(ruled.States['In stock?'].Choices[1], { Variable: '$.value', IsPresent: true, Next: 'Payment failed' });
    await settled(session);
    const fallback = await centre(session, '.react-flow__node [aria-label="In stock?"] .handle-default');
    await session.drag(fallback, await centre(session, '.react-flow__node [aria-label="Charge card"]'), { steps: 10 });
    await session.until('the default changed', async () => (await doc()).States['In stock?'].Default === 'Charge card');
    await shot(session, 'canvas-15-choice-connected');

  } finally {
    await session.delete();
  }
});

test('a canvas change in a 200-state workflow: core edit and redraw timings', async () => {
  const states = {};
  for (let i = 0; i < 200; i++) states[`Step ${i}`] = i === 199 ? { Type: 'Succeed' } : { Type: 'Pass', Next: `Step ${i + 1}` };
  const big = join(work, 'big-source.asl.json');
  writeFileSync(big, `${JSON.stringify({ StartAt: 'Step 0', States: states }, null, 2)}\n`);
  const { session } = await launch('canvas-big', big);
  try {
    const ms = await session.execute(
      `const invoke = window.__TAURI_INTERNALS__.invoke;
         const text = document.querySelector('.cm-content').cmTile.root.view.state.doc.toString();
         const change = { op: 'drop', item: 'Wait', place: { at: 'transition', transition: '/States/Step 100/Next' } };
         return (async () => {
           const times = { change: [], analyze: [] };
           for (let i = 0; i < 5; i++) {
             let t = performance.now();
             const r = await invoke('canvas_change', { text, change });
             times.change.push(performance.now() - t);
             t = performance.now();
             await invoke('analyze', { text: r.text, pins: {} });
             times.analyze.push(performance.now() - t);
           }
           return times;
         })();`,
    );
    const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
    console.log(`200 states: canvas_change (core edit + IPC) median ${median(ms.change).toFixed(1)} ms; analyze (layout + validate + IPC) median ${median(ms.analyze).toFixed(1)} ms`);
    assert.ok(median(ms.change) < 500, `canvas_change took ${median(ms.change)} ms`);
  } finally {
    await session.delete();
  }
});
