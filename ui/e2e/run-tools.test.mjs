// End-to-end tests of the run panel's tools in the real app: a Map iteration's own path lit on
// the canvas, the panel hidden and shown (the canvas gets the room), mocks and named inputs made
// in the app, the history exported as JSON, and a run saved as a test case that the
// `statewright test` CLI then passes; a pause when a Catch handles an error.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { button, choose, endText, launch, setText, shot, statuses, target, test, useDriver } from './runApp.mjs';

const cli = process.env.STATEWRIGHT_CLI ?? join(target, 'debug/statewright');

useDriver();

/**
 * Native file dialogs cannot be driven over WebDriver: the dialog's IPC request is answered in the
 * page with `path`, as a person picking that file would (Tauri's invoke itself cannot be
 * replaced); everything after it is the app's own code.
 */
const answerDialog = (session, command, path) =>
  session.execute(
    `const realFetch = window.fetch.bind(window);
     window.fetch = (url, init) => String(url).includes(encodeURIComponent(arguments[0]))
       ? Promise.resolve(new Response(JSON.stringify(arguments[1]), { headers: { 'Tauri-Response': 'ok', 'Content-Type': 'application/json' } }))
       : realFetch(url, init);`,
    [command, path],
  );

const rect = (session, css) =>
  session.execute(`const r = document.querySelector(arguments[0])?.getBoundingClientRect(); return r ? {top: r.top, bottom: r.bottom, height: r.height, left: r.left, right: r.right} : null;`, [css]);

test("picking a Map iteration lights up that iteration's own path", async () => {
  const { session } = await launch('etl-pipeline');
  try {
    await choose(session, 'Test case', 'BadRecordSetAside');
    await (await button(session, 'Run')).click();
    assert.match(await session.until('the end', async () => endText(session)), /succeeded/);
    // Over all iterations: every state inside the Map ran somewhere.
    let s = await statuses(session);
    assert.equal(s.SetRecordAside, 'succeeded');
    assert.equal(s.LoadRecord, 'succeeded');
    await (await session.find('.react-flow__node [aria-label="TransformRecord"]')).click();
    const options = await session.until('the iterations', async () =>
      session.execute(`return [...(document.querySelector('select[aria-label="Map iteration"]')?.options ?? [])].map(o => o.value);`),
    );
    assert.deepEqual(options, ['', '0', '1', '2']);
    const paths = {};
    for (const index of ['0', '1', '2']) {
      await choose(session, 'Map iteration', index);
      await session.until(`iteration ${index} on the canvas`, async () => (await session.execute(`return document.querySelectorAll('.state.in-iteration').length;`)) === 3);
      s = await statuses(session);
      paths[index] = [s.TransformRecord, s.LoadRecord, s.SetRecordAside];
      // States outside the Map keep the whole run's status.
      assert.equal(s.ExtractBatch, 'succeeded');
      if (index === '1') {
        // The panel header says which iteration the canvas shows, in full: nothing cut off.
        const head = await session.execute(
          `const e = document.querySelector('.run-head-state'), r = e.getBoundingClientRect(), h = e.closest('.run-head').getBoundingClientRect();
           return { text: e.textContent, cut: e.scrollWidth > e.clientWidth + 1 || r.right > h.right + 1 || r.bottom > h.bottom + 1 };`,
        );
        assert.match(head.text, /^Ended · 9 state entries · succeeded · the canvas shows TransformAndLoad’s iteration 1$/);
        assert.equal(head.cut, false, `the header text is cut off: ${head.text}`);
        await shot(session, 'run-07-map-iteration-path');
      }
    }
    const aside = Object.entries(paths).filter(([, p]) => p[2] === 'succeeded');
    assert.equal(aside.length, 1, `one iteration set its record aside: ${JSON.stringify(paths)}`);
    assert.deepEqual(aside[0][1], ['caught', 'idle', 'succeeded']);
    for (const [i, p] of Object.entries(paths)) if (i !== aside[0][0]) assert.deepEqual(p, ['succeeded', 'succeeded', 'idle'], `iteration ${i}`);
    // The inspection follows: TransformRecord's pass in that iteration, with its status there.
    await choose(session, 'Map iteration', aside[0][0]);
    const heading = await session.execute(`return document.querySelector('.run-inspector h3').textContent;`);
    assert.match(heading, new RegExp(`Caught error in iteration ${aside[0][0]}`));
    assert.match(await session.execute(`return document.querySelector('.run-pass').textContent;`), new RegExp(`Map iteration ${aside[0][0]}`));
    // The edge from TransformRecord to SetRecordAside is drawn as taken only in that iteration.
    await choose(session, 'Map iteration', '');
    assert.equal(await session.execute(`return document.querySelectorAll('.state.in-iteration').length;`), 0);
    s = await statuses(session);
    assert.equal(s.LoadRecord, 'succeeded');
    // No time passed in the run's clock: the timeline draws the states in the order they ran.
    await (await button(session, 'Timeline')).click();
    assert.match(await session.execute(`return document.querySelector('.run-timeline .run-count').textContent;`), /No time passed/);
    const lefts = await session.execute(`return [...document.querySelectorAll('.tl-bar')].map(b => b.getBoundingClientRect().left);`);
    assert.ok(lefts.length >= 9, `bars: ${lefts.length}`);
    assert.ok(lefts[lefts.length - 1] - lefts[0] > 100, `bars spread out: ${lefts}`);
    for (let i = 1; i < lefts.length; i++) assert.ok(lefts[i] >= lefts[i - 1], `bars in order: ${lefts}`);
    await shot(session, 'run-13-timeline-in-order');
  } finally {
    await session.delete();
  }
});

test('the run panel hides and shows, giving the canvas the room', async () => {
  const { session } = await launch('order-processing');
  try {
    await shot(session, 'run-08-panel-shown');
    const shown = await rect(session, '.canvas');
    const viewport = await session.execute('return {w: window.innerWidth, h: window.innerHeight};');
    // Nothing of the panel's controls is cut off at the window's size.
    const controls = await session.execute(
      `return [...document.querySelectorAll('.run-buttons button, .run-toggle')].map(b => { const r = b.getBoundingClientRect(); return { name: b.getAttribute('aria-label') ?? b.textContent, bottom: r.bottom, right: r.right }; });`,
    );
    assert.ok(controls.length >= 8, JSON.stringify(controls));
    for (const c of controls) assert.ok(c.bottom <= viewport.h && c.right <= viewport.w, `${c.name} is inside the window: ${JSON.stringify(c)}`);
    const hide = await button(session, 'Hide run panel');
    assert.equal(await hide.attribute('aria-expanded'), 'true');
    await hide.click();
    const show = await session.until('the show button', async () => button(session, 'Show run panel'));
    assert.equal(await show.attribute('aria-expanded'), 'false');
    assert.equal(await session.execute(`return document.querySelector('.run-body') === null;`), true);
    const hidden = await session.until('a taller canvas', async () => {
      const r = await rect(session, '.canvas');
      return r.height > shown.height + 100 ? r : null;
    });
    await shot(session, 'run-09-panel-hidden');
    await show.click();
    await session.until('the panel back', async () => (await session.execute(`return document.querySelector('textarea[aria-label="Execution input"]') !== null;`)));
    const again = await rect(session, '.canvas');
    assert.ok(Math.abs(again.height - shown.height) < 2, `canvas back to ${shown.height}: ${again.height}`);
    // The panel's top edge resizes it from the keyboard too (Arrow Up: 20 px taller).
    const panel = await rect(session, '.run-panel');
    await session.execute(`document.querySelector('[role="separator"][aria-label="Resize run panel"]').focus();`);
    await session.keys([{ type: '\uE013' }]);
    const taller = await session.until('a taller panel', async () => {
      const r = await rect(session, '.run-panel');
      return Math.round(r.height - panel.height) === 20 ? r : null;
    });
    assert.ok((await rect(session, '.canvas')).height < again.height, 'the canvas gave the room');
    assert.equal(Number(await session.execute(`return document.querySelector('[aria-label="Resize run panel"]').getAttribute('aria-valuenow');`)), Math.round(taller.height));
    console.log('canvas height at', viewport, { shown: shown.height, hidden: hidden.height });
  } finally {
    await session.delete();
  }
});

test('mocks and named inputs made in the app are saved beside the workflow and used', async () => {
  const { session, dir } = await launch('order-processing');
  try {
    // A named input.
    await setText(session, 'input[aria-label="Input name"]', 'Small order');
    await (await button(session, 'Save input')).click();
    const inputs = join(dir, 'order-processing.inputs.json');
    await session.until('the inputs file', async () => existsSync(inputs));
    assert.ok('Small order' in JSON.parse(readFileSync(inputs, 'utf8')));
    await session.until('the saved input offered', async () =>
      (await session.execute(`return [...(document.querySelector('select[aria-label="Saved inputs"]')?.options ?? [])].map(o => o.value);`)).includes('Small order'),
    );
    // A new test case where validation is down.
    await (await session.find('.run-mocks summary')).click();
    await session.until('the editor', async () => session.execute(`return document.querySelector('select[aria-label="Test case to edit"]') !== null;`));
    await choose(session, 'Test case to edit', '\u0000new');
    await setText(session, 'input[aria-label="New test case name"]', 'ValidationDown');
    await (await session.until('the ValidateOrder row', async () => button(session, 'Add an answer for ValidateOrder'))).click();
    await choose(session, 'ValidateOrder answer 1: kind', 'throw');
    await setText(session, 'input[aria-label="ValidateOrder answer 1: error"]', 'Validation.Unavailable');
    await setText(session, 'input[aria-label="ValidateOrder answer 1: cause"]', 'The validation service is down');
    await shot(session, 'run-10-mock-editor');
    await (await button(session, 'Save mocked answers')).click();
    await session.until('the new case chosen', async () => (await session.execute(`return document.querySelector('select[aria-label="Test case"]').value;`)) === 'ValidationDown');
    const mocks = JSON.parse(readFileSync(join(dir, 'order-processing.mocks.json'), 'utf8'));
    const name = mocks.StateMachines['order-processing'].TestCases.ValidationDown.ValidateOrder;
    assert.deepEqual(mocks.MockedResponses[name], { 0: { Throw: { Error: 'Validation.Unavailable', Cause: 'The validation service is down' } } });
    assert.ok(mocks.StateMachines['order-processing'].TestCases.HappyPath, 'other test cases kept');
    await (await button(session, 'Run')).click();
    const end = await session.until('the end', async () => endText(session));
    assert.match(end, /failed/);
    assert.match(end, /Validation\.Unavailable/);
    assert.equal((await statuses(session)).ValidateOrder, 'failed');
  } finally {
    await session.delete();
  }
});

test('a run exported as JSON and saved as a test case that statewright test passes', async () => {
  assert.ok(existsSync(cli), `the CLI is not built at ${cli} (cargo build --bin statewright)`);
  const { session, dir, file } = await launch('order-processing');
  try {
    await choose(session, 'Test case', 'PaymentRetried');
    await (await button(session, 'Run')).click();
    assert.match(await session.until('the end', async () => endText(session)), /succeeded/);
    const exported = join(dir, 'exported-history.json');
    await answerDialog(session, 'plugin:dialog|save', exported);
    await (await button(session, 'Export history')).click();
    await session.until('the exported file', async () => existsSync(exported));
    const history = JSON.parse(readFileSync(exported, 'utf8'));
    const types = history.events.map((e) => e.type);
    assert.equal(types[0], 'ExecutionStarted');
    assert.equal(types[types.length - 1], 'ExecutionSucceeded');
    assert.ok(types.filter((t) => t === 'TaskFailed').length >= 1, 'the throttled call is in the history');
    const shownRows = await session.execute(`return document.querySelectorAll('table[aria-label="Execution history"] tbody tr').length;`);
    assert.equal(history.events.length, shownRows);
    // The timeline shows the retry and the backoff in the run's clock (instant mode).
    await (await button(session, 'Timeline')).click();
    const timeline = await session.execute(`return document.querySelector('.run-timeline').textContent;`);
    assert.match(timeline, /\d+ retr(y|ies), [\d.]+ m?s backoff/);
    assert.ok((await session.execute(`return document.querySelectorAll('.tl-backoff').length;`)) >= 1);
    await shot(session, 'run-11-timeline-retry');
    // Save the run as a test case, then check it with the CLI a CI pipeline would use.
    await setText(session, 'input[aria-label="Test case name"]', 'RecordedRetry');
    await (await button(session, 'Save as test case')).click();
    await session.until('the saved message', async () => (await session.execute(`return document.querySelector('.run-message')?.textContent ?? '';`)).includes('RecordedRetry'));
    const mocks = join(dir, 'order-processing.mocks.json');
    let out;
    try {
      out = execFileSync(cli, ['test', file, '--mock-config', mocks, '--test-case', 'RecordedRetry'], { encoding: 'utf8', timeout: 60000 });
    } catch (e) {
      assert.fail(`statewright test failed (${e.signal === 'SIGTERM' ? 'no answer within 60 s' : `exit ${e.status}`}): ${e.stdout}\n${e.stderr}`);
    }
    assert.match(out, /PASS\s+RecordedRetry/);
    assert.doesNotMatch(out, /no expectations/);
    const expectations = JSON.parse(readFileSync(join(dir, 'order-processing.tests.json'), 'utf8'));
    assert.equal(expectations.TestCases.RecordedRetry.Status, 'SUCCEEDED');
  } finally {
    await session.delete();
  }
});

test("a Parallel state's branches are shown side by side", async () => {
  const { session } = await launch('media-processing');
  try {
    await (await button(session, 'Run')).click();
    assert.match(await session.until('the end', async () => endText(session)), /succeeded/);
    await (await session.find('.react-flow__node [aria-label="ProcessUpload"] .state-name')).click();
    const branches = await session.until('the branches', async () =>
      session.execute(
        `const s = [...document.querySelectorAll('.run-branches .run-branch')]; return s.length ? s.map(b => ({ label: b.getAttribute('aria-label'), left: Math.round(b.getBoundingClientRect().left), top: Math.round(b.getBoundingClientRect().top), text: b.textContent })) : null;`,
      ),
    );
    assert.deepEqual(branches.map((b) => b.label), ['Branch 1', 'Branch 2', 'Branch 3']);
    assert.match(branches[0].text, /GenerateThumbnail/);
    assert.match(branches[1].text, /TranscodeVideo/);
    // Side by side: same top, increasing left.
    assert.ok(branches.every((b) => b.top === branches[0].top), JSON.stringify(branches));
    assert.ok(branches[0].left < branches[1].left && branches[1].left < branches[2].left, JSON.stringify(branches));
    await shot(session, 'run-12-parallel-branches');
  } finally {
    await session.delete();
  }
});

test('at ×2 a Wait takes half its time for real, and the run clock still counts it in full', async () => {
  const { session } = await launch('media-processing');
  try {
    await choose(session, 'Speed', '2');
    const started = Date.now();
    await (await button(session, 'Run')).click();
    // WaitForCdn waits 5 s: at ×2 it is seen waiting, for about 2.5 s.
    await session.until('the wait in progress', async () => (await statuses(session)).WaitForCdn === 'active', 10000);
    assert.match(await session.until('the end', async () => endText(session)), /succeeded/);
    const wall = Date.now() - started;
    assert.ok(wall >= 2400, `the run took ${wall} ms`);
    const waited = await session.execute(
      `const rows = [...document.querySelectorAll('table[aria-label="Execution history"] tbody tr')].map(r => [...r.children].map(td => td.textContent));
       return rows.find(r => r[1] === 'WaitStateExited')?.[4] ?? '';`,
    );
    assert.equal(waited, '5 s');
    console.log('×2 run:', { wallMillis: wall, waitInRunClock: waited });
  } finally {
    await session.delete();
  }
});

test('a custom speed factor below real time makes a Wait take longer than it says', async () => {
  const { session } = await launch('media-processing');
  try {
    await choose(session, 'Speed', 'custom');
    const field = 'input[aria-label="Speed factor"]';
    await session.until('the speed factor field', async () => session.execute(`return !!document.querySelector(arguments[0]);`, [field]));
    // A factor out of range is explained and not used.
    await setText(session, field, '0');
    const problem = await session.until('the explanation', async () => session.execute(`return document.querySelector('.run-speed-problem')?.textContent ?? '';`));
    assert.match(problem, /Type a number from 0\.1 .* to 100,000\./);
    assert.equal(await session.execute(`return document.querySelector(arguments[0]).getAttribute('aria-invalid');`, [field]), 'true');
    // ×0.8: WaitForCdn's 5 s take 6.25 s for real, longer than any preset could make them.
    await setText(session, field, '0.8');
    assert.equal(await session.execute(`return document.querySelector('.run-speed-problem');`), null);
    await shot(session, 'run-14-custom-speed');
    const started = Date.now();
    await (await button(session, 'Run')).click();
    assert.match(await session.until('the end', async () => endText(session)), /succeeded/);
    const wall = Date.now() - started;
    assert.ok(wall >= 6000, `the run took ${wall} ms`);
    const waited = await session.execute(
      `const rows = [...document.querySelectorAll('table[aria-label="Execution history"] tbody tr')].map(r => [...r.children].map(td => td.textContent));
       return rows.find(r => r[1] === 'WaitStateExited')?.[4] ?? '';`,
    );
    assert.equal(waited, '5 s');
    console.log('×0.8 run:', { wallMillis: wall, waitInRunClock: waited });
  } finally {
    await session.delete();
  }
});

test('a mock configuration chosen from another file is used, and the one beside can be restored', async () => {
  const { session, dir } = await launch('order-processing');
  try {
    const mocks = JSON.parse(readFileSync(join(dir, 'order-processing.mocks.json'), 'utf8'));
    const cases = mocks.StateMachines['order-processing'].TestCases;
    mocks.StateMachines['order-processing'].TestCases = { TeamHappy: cases.HappyPath };
    const team = join(dir, 'team-mocks.json');
    writeFileSync(team, JSON.stringify(mocks));
    const offered = () => session.execute(`return [...document.querySelector('select[aria-label="Test case"]').options].map(o => o.value).filter(Boolean);`);
    assert.ok((await offered()).includes('HappyPath'));
    await answerDialog(session, 'plugin:dialog|open', team);
    await (await button(session, 'Choose mock file…')).click();
    await session.until('the other file\'s test cases', async () => JSON.stringify(await offered()) === '["TeamHappy"]');
    assert.match(await session.execute(`return document.querySelector('.run-mock-file').textContent;`), /team-mocks\.json/);
    await (await button(session, 'Run')).click();
    assert.match(await session.until('the end', async () => endText(session)), /succeeded/);
    await (await button(session, 'Use the one beside the workflow')).click();
    await session.until('the test cases beside', async () => (await offered()).includes('HappyPath'));
  } finally {
    await session.delete();
  }
});

test('with "Pause when an error is caught", a declined payment pauses at its Catch and Continue ends with it caught', async () => {
  const { session } = await launch('order-processing');
  try {
    await choose(session, 'Test case', 'PaymentDeclined');
    const labels = await session.findAll('.run-options label');
    let box = null;
    for (const l of labels) if ((await l.text()).trim() === 'Pause when an error is caught') box = l;
    assert.ok(box, 'a checkbox labelled "Pause when an error is caught"');
    await box.click();
    assert.equal(await session.execute(`return [...document.querySelectorAll('.run-options label')].find(l => l.textContent.trim() === 'Pause when an error is caught').querySelector('input').checked;`), true);
    await (await button(session, 'Run')).click();
    const said = await session.until('the pause at the Catch', async () => session.execute(`return document.querySelector('.run-paused')?.textContent ?? '';`));
    assert.match(said, /^Paused: “ChargePayment” failed with PaymentDeclined and its Catch rule 1 of 2 goes to “ReleaseInventory”\. Step runs/);
    // Paused before entering the Catch's Next state: it has not run yet, and is marked as where the run waits.
    let s = await statuses(session);
    assert.equal(s.ReleaseInventory, 'idle');
    assert.equal(await session.execute(`return document.querySelector('.react-flow__node .paused-here')?.getAttribute('aria-label') ?? '';`), 'ReleaseInventory');
    await shot(session, 'run-16-paused-at-catch');
    await (await button(session, 'Continue')).click();
    assert.match(await session.until('the end', async () => endText(session)), /failed/i);
    s = await statuses(session);
    assert.equal(s.ChargePayment, 'caught');
    assert.equal(s.ReleaseInventory, 'succeeded');
    assert.equal(s.PaymentFailed, 'failed');
    await shot(session, 'run-17-caught-after-continue');
  } finally {
    await session.delete();
  }
});
