// What the files, performance, canvas and inspector e2e tests share: tauri-driver for the file
// (driver.mjs: its lifecycle and teardown guarantees, and `test` with a time limit), launching
// the app on a file, reading the canvas, taking screenshots, and finding the app's processes in
// /proc (to kill it like a crash, to read its memory, to send its window a close request).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { driverUrl, useDriver as startDriver } from './driver.mjs';
import { Session } from './webdriver.mjs';

export { test } from './driver.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '../..');
export const app =
  process.env.STATEWRIGHT_APP ?? join(process.env.CARGO_TARGET_DIR ?? join(repo, 'target'), 'debug/statewright-app');
export const artifacts = join(here, 'artifacts');
export const fixtures = join(here, 'fixtures');
export const work = mkdtempSync(join(tmpdir(), 'statewright-e2e-'));

/** Starts tauri-driver before the file's tests and stops it, and every app window, after them. */
export const useDriver = () => startDriver(app);

/** Opens a session on the app with `file` as its argument and waits for the diagram. */
export async function launchOn(file, name, timeoutMs = 30000) {
  const session = await Session.create(driverUrl(), { 'tauri:options': { application: app, args: [file] } });
  try {
    await session.until('the diagram', () => canvasNames(session).then((n) => n.length > 0), timeoutMs);
    await session.viewSettled();
  } catch (e) {
    await shot(session, `failed-launch-${name}`).catch(() => undefined);
    await session.delete();
    throw e;
  }
  return session;
}

/** A fresh copy of `text` (or of the file `from`) in the work folder. */
export function workFile(name, { text, from }) {
  const file = join(work, `${name}.asl.json`);
  writeFileSync(file, text ?? readFileSync(from, 'utf8'));
  return file;
}

export function canvasNames(session) {
  return session.execute(
    `return [...document.querySelectorAll('.react-flow__node [data-state-type]')].map(e => e.getAttribute('aria-label'));`,
  );
}

/** A screenshot in artifacts/<name>.png (an artifact, not a check: see Session.saveScreenshot). */
export async function shot(session, name) {
  await session.saveScreenshot(join(artifacts, `${name}.png`));
}

export async function button(session, name) {
  const all = await session.findAll('button, summary');
  for (const b of all) {
    const label = (await b.attribute('aria-label')) ?? (await b.text());
    if (label?.trim() === name) return b;
  }
  throw new Error(`no button named ${name}`);
}

export function statusText(session) {
  return session.execute(`return document.querySelector('footer.status')?.textContent ?? '';`);
}

/** The app process launched on `file` (its command line names the file), or null. */
export function appProcess(file) {
  for (const pid of pids()) {
    const cmd = readProc(pid, 'cmdline')?.split('\0') ?? [];
    if (cmd[0]?.endsWith('statewright-app') && cmd.includes(file)) return pid;
  }
  return null;
}

/** Whether `pid` is still running (a process that ended but is not reaped yet counts as ended). */
export function isRunning(pid) {
  const stat = readProc(pid, 'stat');
  return stat !== null && stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/**
 * Asks the windows of process `pid` to close, as a window manager's close button does: the X11
 * WM_DELETE_WINDOW message (wm_delete_window.py, with Debian's python3-xlib; WebDriver cannot,
 * and Xvfb runs no window manager). Throws when the process has no window to ask.
 */
export function askToClose(pid) {
  const python = process.env.E2E_PYTHON ?? '/usr/bin/python3';
  return execFileSync(python, [join(here, 'wm_delete_window.py'), String(pid)], { encoding: 'utf8', timeout: 20000 }).trim();
}

/** Processes whose parent is `pid`, with their names. */
export function childrenOf(pid) {
  const out = [];
  for (const p of pids()) {
    const stat = readProc(p, 'stat');
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[1]) === pid) out.push({ pid: p, name: (readProc(p, 'comm') ?? '').trim() });
  }
  return out;
}

/** Resident memory of `pid` in KiB (VmRSS), or null once it is gone. */
export function rssKiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readProc(pid, 'status') ?? '');
  return m ? Number(m[1]) : null;
}

/** When `pid` started, in milliseconds since 1970 (10 ms resolution: clock ticks since boot). */
export function startedAtMs(pid) {
  const stat = readProc(pid, 'stat');
  const btime = /btime (\d+)/.exec(readFileSync('/proc/stat', 'utf8'));
  if (!stat || !btime) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]); // field 22 of /proc/<pid>/stat: starttime
  return Number(btime[1]) * 1000 + (ticks * 1000) / 100;
}

function pids() {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
}

function readProc(pid, what) {
  try {
    return readFileSync(`/proc/${pid}/${what}`, 'utf8');
  } catch {
    return null;
  }
}

/** The ASL JSON pane's whole text (CodeMirror's document, not just the lines on screen), or
 *  null before the editor exists. */
export function codeText(session) {
  return session.execute(
    `const view = document.querySelector('.code .cm-content')?.cmTile?.root?.view;
     return view ? view.state.doc.toString() : null;`,
  );
}

/** The open dialog's title, or '' when none is open. */
export function dialogTitle(session) {
  return session.execute(`return document.querySelector('[role=alertdialog] h2')?.textContent ?? '';`);
}

/** Adds a Wait state from the palette: an unsaved edit. */
export async function makeAnEdit(session) {
  await (await session.find('.palette [aria-label="Wait"]')).click();
  await session.until('the new state', async () => (await canvasNames(session)).includes('New Wait'));
  await session.until('Save to be enabled', async () => (await button(session, 'Save')).enabled());
}
