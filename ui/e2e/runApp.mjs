// The run panel's e2e helpers, shared by the test files: start tauri-driver once per file (see
// driver.mjs for the teardown guarantees), open an example (copied with its input and mocks into
// a fresh folder) in the real app, and drive the panel as a person would (buttons by accessible
// name, selects, text areas).
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { driverUrl, useDriver as startDriver } from './driver.mjs';
import { Session } from './webdriver.mjs';

export { test } from './driver.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '../..');
export const target = process.env.CARGO_TARGET_DIR ?? join(repo, 'target');
export const app = process.env.STATEWRIGHT_APP ?? join(target, 'debug/statewright-app');
export const artifacts = join(here, 'artifacts');
export const examples = join(repo, 'examples');
export const work = mkdtempSync(join(tmpdir(), 'statewright-run-e2e-'));

/** Starts tauri-driver before the file's tests and stops it, and every app window, after them. */
export const useDriver = () => startDriver(app);

/** Copies examples/<name>.* into a fresh folder (`mocks` and `definition` change the copies) and opens it. */
export async function launch(name, { mocks, input, definition } = {}) {
  const dir = mkdtempSync(join(work, `${name}-`));
  const file = join(dir, `${name}.asl.json`);
  copyFileSync(join(examples, `${name}.asl.json`), file);
  if (definition) writeFileSync(file, definition(readFileSync(file, 'utf8')));
  for (const suffix of ['.mocks.json', '.input.json']) {
    if (existsSync(join(examples, `${name}${suffix}`))) copyFileSync(join(examples, `${name}${suffix}`), join(dir, `${name}${suffix}`));
  }
  if (mocks) writeFileSync(join(dir, `${name}.mocks.json`), JSON.stringify(mocks(JSON.parse(readFileSync(join(examples, `${name}.mocks.json`), 'utf8')))));
  if (input !== undefined) writeFileSync(join(dir, `${name}.input.json`), input);
  return open(file);
}

export async function open(file) {
  const session = await Session.create(driverUrl(), { 'tauri:options': { application: app, args: [file] } });
  // The shared test machine can be very loaded: wait up to 90 s for anything the app shows.
  const until = session.until.bind(session);
  session.until = (what, check, ms) => until(what, check, ms ?? 90000);
  try {
    await session.until('the diagram', async () => (await session.execute(`return document.querySelectorAll('.react-flow__node [data-status]').length;`)) > 0);
    await session.viewSettled();
    // The app remembers the run panel's size and whether it is hidden: every test starts from
    // the panel shown (and the next launch from the default size).
    await session.execute(`localStorage.removeItem('statewright.runPanel'); document.querySelector('.run-toggle[aria-expanded="false"]')?.click();`);
    await session.until('the execution input', async () => (await session.execute(`return document.querySelector('textarea[aria-label="Execution input"]').value;`)) !== '{}');
  } catch (e) {
    await shot(session, 'run-failed-launch').catch(() => undefined);
    await session.delete();
    throw e;
  }
  return { session, file, dir: dirname(file) };
}

export async function shot(session, name) {
  await session.saveScreenshot(join(artifacts, `${name}.png`));
}

/** The button a person would call `name` (aria-label, else its text), scrolled into view. */
export async function button(session, name) {
  await session.execute(
    `const b = [...document.querySelectorAll('button')].find(b => (b.getAttribute('aria-label') ?? b.textContent).trim() === arguments[0]);
     b?.scrollIntoView({ block: 'nearest' });`,
    [name],
  );
  for (const b of await session.findAll('button')) {
    const label = (await b.attribute('aria-label')) ?? (await b.text());
    if (label?.trim() === name) return b;
  }
  throw new Error(`no button named ${name}`);
}

export const statuses = (session) =>
  session.execute(
    `return Object.fromEntries([...document.querySelectorAll('.react-flow__node [data-status]')].map(e => [e.getAttribute('aria-label'), e.dataset.status]));`,
  );

export async function choose(session, label, value) {
  await session.execute(
    `const s = document.querySelector('select[aria-label="' + arguments[0] + '"]'); s.value = arguments[1]; s.dispatchEvent(new Event('change', {bubbles: true})); return s.value;`,
    [label, value],
  );
}

/** Types into a text area or input found by CSS (React sees an input event). */
export async function setText(session, css, value) {
  await session.execute(
    `const el = document.querySelector(arguments[0]);
     const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
     Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, arguments[1]);
     el.dispatchEvent(new Event('input', {bubbles: true}));`,
    [css, value],
  );
}

export const endText = (session) => session.execute(`return document.querySelector('.run-end')?.textContent ?? '';`);
