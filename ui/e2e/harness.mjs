// What the files and performance e2e tests share (setup copied from designer.test.mjs): starting
// tauri-driver, launching the app on a file, reading the canvas, taking screenshots, and finding
// the app's processes in /proc (to kill it like a crash, and to read its memory).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session } from './webdriver.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '../..');
export const app =
  process.env.STATEWRIGHT_APP ?? join(process.env.CARGO_TARGET_DIR ?? join(repo, 'target'), 'debug/statewright-app');
export const artifacts = join(here, 'artifacts');
export const fixtures = join(here, 'fixtures');
export const work = mkdtempSync(join(tmpdir(), 'statewright-e2e-'));

/** Starts tauri-driver (its own process group, logging to `logName`); returns base URL and stop(). */
export async function startDriver(logName) {
  assert.ok(existsSync(app), `the app is not built at ${app}`);
  mkdirSync(artifacts, { recursive: true });
  const port = await freePort();
  const nativePort = await freePort();
  const log = openSync(join(artifacts, logName), 'w');
  const driver = spawn(process.env.TAURI_DRIVER ?? 'tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
    stdio: ['ignore', log, log],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20000;
  for (;;) {
    try {
      const r = await fetch(`${base}/status`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('tauri-driver did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = () => {
    if (!driver?.pid) return;
    try {
      process.kill(-driver.pid, 'SIGTERM');
    } catch {
      driver.kill();
    }
  };
  return { base, stop };
}

/** Opens a session on the app with `file` as its argument and waits for the diagram. */
export async function launchOn(base, file, name, timeoutMs = 30000) {
  const session = await Session.create(base, { 'tauri:options': { application: app, args: [file] } });
  try {
    await session.until('the diagram', () => canvasNames(session).then((n) => n.length > 0), timeoutMs);
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

export async function shot(session, name) {
  // WebKitWebDriver's screenshot sometimes never answers (seen after a dialog closes and after
  // synthetic mouse events). A screenshot is an artifact, not a check: give up on it after 20 s,
  // say so, and go on with the test.
  const r = await fetch(`${session.base}/session/${session.id}/screenshot`, { signal: AbortSignal.timeout(20000) }).catch(
    (e) => e,
  );
  const value = r instanceof Response ? (await r.json().catch(() => ({}))).value : undefined;
  if (typeof value !== 'string') {
    console.error(`screenshot ${name} not taken: ${r instanceof Error ? r.message : 'no image in the answer'}`);
    return;
  }
  writeFileSync(join(artifacts, `${name}.png`), Buffer.from(value, 'base64'));
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

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}
