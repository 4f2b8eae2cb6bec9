// End-to-end tests of the real desktop app: tauri-driver + WebKitWebDriver, under Xvfb.
// Needs the debug app built with `--features custom-protocol` (scripts/test-desktop.sh does it).
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { driverUrl, test, useDriver } from './driver.mjs';
import { Session } from './webdriver.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const app = process.env.STATEWRIGHT_APP ?? join(process.env.CARGO_TARGET_DIR ?? join(repo, 'target'), 'debug/statewright-app');
const artifacts = join(here, 'artifacts');
const example = join(repo, 'examples/order-processing.asl.json');
// Our own definition with every container kind: Parallel branches, a Map inside one, a Catch.
const nested = join(here, 'fixtures/ship-and-notify.asl.json');
const CTRL = '\uE009';
const BACKSPACE = '\uE003';

const work = mkdtempSync(join(tmpdir(), 'statewright-e2e-'));

useDriver(app);

/** Launches the app on a fresh copy of `fixture`; returns the session and the copy's path. */
async function launch(name, fixture = nested) {
  const file = join(work, `${name}.asl.json`);
  copyFileSync(fixture, file);
  const session = await Session.create(driverUrl(), {
    'tauri:options': { application: app, args: [file] },
  });
  try {
    await session.until('the diagram', () => canvasNames(session).then((n) => n.length > 0));
    await session.viewSettled();
  } catch (e) {
    await shot(session, `failed-launch-${name}`).catch(() => undefined);
    await session.delete();
    throw e;
  }
  return { session, file };
}

async function canvasNames(session) {
  return session.execute(
    `return [...document.querySelectorAll('.react-flow__node [data-state-type]')].map(e => e.getAttribute('aria-label'));`,
  );
}

async function shot(session, name) {
  await session.saveScreenshot(join(artifacts, `${name}.png`));
}

async function button(session, name) {
  const all = await session.findAll('button, summary');
  for (const b of all) {
    const label = (await b.attribute('aria-label')) ?? (await b.text());
    if (label?.trim() === name) return b;
  }
  throw new Error(`no button named ${name}`);
}

/** Replaces the whole ASL JSON text by typing `text` (one line: the editor indents new lines). */
async function typeAll(session, text) {
  await (await session.find('.cm-content')).click();
  await session.keys([{ down: CTRL }, { type: 'a' }, { up: CTRL }, { type: text }]);
}

/** [name, Type] of every state of a definition, nested ones included. */
function statesOf(definition) {
  const out = [];
  for (const [name, state] of Object.entries(definition.States ?? {})) {
    out.push([name, state.Type]);
    for (const branch of state.Branches ?? []) out.push(...statesOf(branch));
    const processor = state.ItemProcessor ?? state.Iterator;
    if (processor) out.push(...statesOf(processor));
  }
  return out;
}

test('opening examples/order-processing.asl.json draws every state with its type', async () => {
  const { session } = await launch('example', example);
  try {
    const expected = statesOf(JSON.parse(readFileSync(example, 'utf8'))).sort();
    const drawn = await session.execute(
      `return [...document.querySelectorAll('.react-flow__node [data-state-type]')].map(e => [e.getAttribute('aria-label'), e.dataset.stateType]);`,
    );
    assert.deepEqual(drawn.sort(), expected);
    await session.until('the transitions', async () =>
      (await session.execute(`return document.querySelectorAll('.react-flow__edge').length;`)) > 0,
    );
    await shot(session, '00-order-processing-example');
  } finally {
    await session.delete();
  }
});

test('Parallel branches and Map processors are drawn as containers', async () => {
  const { session } = await launch('open');
  try {
    const states = await session.execute(
      `return [...document.querySelectorAll('.react-flow__node [data-state-type]')].map(e => [e.getAttribute('aria-label'), e.dataset.stateType]);`,
    );
    const byName = Object.fromEntries(states);
    assert.equal(byName['Check stock'], 'Task');
    assert.equal(byName['In stock?'], 'Choice');
    assert.equal(byName['Ship and notify'], 'Parallel');
    assert.equal(byName['Ship items'], 'Map');
    assert.equal(byName['Ship one item'], 'Pass');
    assert.equal(byName['Order complete'], 'Succeed');
    assert.equal(byName['Payment failed'], 'Fail');
    const containers = await session.execute(`return document.querySelectorAll('[data-container-type]').length;`);
    assert.equal(containers, 3, 'two Parallel branches and one Map processor are drawn as frames');
    const heading = await session.execute(`return document.querySelector('#code-title').textContent;`);
    assert.match(heading, /^ASL JSON/);
    // Edges are drawn once the nodes are measured.
    const edges = await session.until('the transitions', async () => {
      const n = await session.execute(`return document.querySelectorAll('.react-flow__edge').length;`);
      return n >= 6 ? n : 0;
    });
    assert.equal(edges, 6, 'every transition drawn once');
    const catchLabel = await session.execute(`return [...document.querySelectorAll('.edge-label')].map(e => e.textContent);`);
    assert.ok(catchLabel.includes('On any error') && catchLabel.includes('Otherwise'), `edge captions: ${catchLabel}`);
    await (await session.find('.react-flow__node [aria-label="Charge card"]')).click();
    await session.until('the code pane to follow the selection', async () =>
      (await session.execute(`return document.querySelector('#code-title').textContent;`)).includes('Charge card'),
    );
    await shot(session, '01-opened-example');
  } finally {
    await session.delete();
  }
});

test('typing in the ASL JSON updates the canvas; broken JSON keeps the last diagram and says where', async () => {
  const { session } = await launch('typing');
  try {
    await typeAll(session, '{"StartAt":"Hello","States":{"Hello":{"Type":"Pass","Next":"World"},"World":{"Type":"Succeed"}}}');
    await session.until('the new diagram', async () => (await canvasNames(session)).sort().join() === 'Hello,World');
    await shot(session, '02-typed-definition');
    await session.keys([{ type: BACKSPACE }]);
    const banner = await session.until('the parse error', async () =>
      session.execute(`return document.querySelector('[role=alert]')?.textContent ?? '';`),
    );
    assert.match(banner, /line 1, column \d+/);
    assert.deepEqual((await canvasNames(session)).sort(), ['Hello', 'World'], 'the canvas keeps its last good state');
    const dimmed = await session.execute(`return document.querySelector('.canvas').classList.contains('stale');`);
    assert.equal(dimmed, true);
    await shot(session, '03-broken-json');
    await session.keys([{ type: '}' }]);
    await session.until('the error to clear', async () =>
      session.execute(`return document.querySelector('[role=alert]') === null;`),
    );
  } finally {
    await session.delete();
  }
});

test('a problem from the validator is listed in plain words and clicking it shows the state', async () => {
  const { session } = await launch('problems');
  try {
    await typeAll(session, '{"StartAt":"Pay","States":{"Pay":{"Type":"Pass","Next":"Ship"},"Done":{"Type":"Succeed"}}}');
    await session.until('the new diagram', async () => (await canvasNames(session)).sort().join() === 'Done,Pay');
    const problem = await session.until('a problem about the missing target', async () => {
      const items = await session.findAll('.problems button.problem');
      for (const item of items) if ((await item.attribute('data-code')) === 'MISSING_TRANSITION_TARGET') return item;
      return null;
    });
    assert.match(await problem.text(), /Ship/);
    await problem.click();
    await session.until('the state to be selected', async () =>
      session.execute(`return document.querySelector('.react-flow__node [aria-label="Pay"]').classList.contains('selected');`),
    );
    const heading = await session.execute(`return document.querySelector('#code-title').textContent;`);
    assert.match(heading, /Pay/);
    const badge = await session.execute(`return document.querySelector('[aria-label="Pay"] .state-badge')?.textContent ?? '';`);
    assert.ok(Number(badge) >= 1, 'the state shows how many problems it has');
    await shot(session, '07-problem-selected');
  } finally {
    await session.delete();
  }
});

test('the inspector renames a step and every transition to it', async () => {
  const { session, file } = await launch('inspector');
  try {
    await (await session.find('.react-flow__node [aria-label="Check stock"]')).click();
    const input = await session.until('the inspector', async () => session.find('.inspector input'));
    assert.equal(await session.execute(`return document.querySelector('.inspector input').value;`), 'Check stock');
    await input.clear();
    await input.sendKeys('Check the stock\uE007');
    await session.until('the renamed state', async () => (await canvasNames(session)).includes('Check the stock'));
    assert.ok(!(await canvasNames(session)).includes('Check stock'));
    // The inspector stays on the renamed step, the name field still focused (a rename is not
    // another selection), so the person can go on typing.
    assert.equal(
      await session.execute(`const e = document.activeElement; return e === document.querySelector('.inspector input') ? e.value : null;`),
      'Check the stock',
    );
    await shot(session, '08-inspector-rename');
    await (await button(session, 'Save')).click();
    await session.until('the rename saved', () => JSON.parse(readFileSync(file, 'utf8')).StartAt === 'Check the stock');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(saved.States['Check the stock'].Next, 'In stock?');
    assert.equal(saved.States['Check stock'], undefined);
  } finally {
    await session.delete();
  }
});

test('adding a state from the palette and saving writes exactly the expected bytes', async () => {
  const { session, file } = await launch('save');
  try {
    const original = readFileSync(file, 'utf8');
    await (await session.find('.palette [aria-label="Wait"]')).click();
    await session.until('the new state', async () => (await canvasNames(session)).includes('New Wait'));
    await shot(session, '04-added-wait-state');
    await (await button(session, 'Save')).click();
    await session.until('the file to be saved', () => readFileSync(file, 'utf8') !== original);
    await session.until('Save to be disabled once saved', async () => !(await (await button(session, 'Save')).enabled()));
    const saved = readFileSync(file, 'utf8');
    // Lossless: the saved file is the original with one piece of text inserted, nothing else.
    let head = 0;
    while (saved[head] === original[head]) head++;
    let tail = 0;
    while (tail < original.length - head && saved[saved.length - 1 - tail] === original[original.length - 1 - tail]) tail++;
    assert.equal(head + tail, original.length, 'every original byte kept in place');
    const inserted = saved.slice(head, saved.length - tail);
    assert.match(inserted, /"New Wait": \{\n {6}"Type": "Wait",\n {6}"Seconds": 10,\n {6}"End": true\n {4}\}/);
    assert.deepEqual(JSON.parse(saved).States['New Wait'], { Type: 'Wait', Seconds: 10, End: true });
  } finally {
    await session.delete();
  }
});

test('undo and redo move between whole-document snapshots', async () => {
  const { session, file } = await launch('undo');
  try {
    const original = readFileSync(file, 'utf8');
    const typed = '{"StartAt":"Only","States":{"Only":{"Type":"Succeed"}}}';
    await typeAll(session, typed);
    await session.until('the typed diagram', async () => (await canvasNames(session)).join() === 'Only');
    await (await button(session, 'Undo')).click();
    await session.until('the original diagram', async () => (await canvasNames(session)).includes('Check stock'));
    await session.until('Save disabled: the text is the file again', async () => !(await (await button(session, 'Save')).enabled()));
    await shot(session, '05-after-undo');
    await (await button(session, 'Redo')).click();
    await session.until('the typed diagram again', async () => (await canvasNames(session)).join() === 'Only');
    await (await button(session, 'Save')).click();
    await session.until('the redone text saved', () => readFileSync(file, 'utf8') === typed);
    assert.notEqual(readFileSync(file, 'utf8'), original);
    await shot(session, '06-after-redo-and-save');
  } finally {
    await session.delete();
  }
});
