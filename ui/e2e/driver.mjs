// tauri-driver for one e2e test file, with a teardown that cannot be skipped or leave anything
// behind: a run must end (pass or fail) and never hang, even when a test fails or times out.
//
// Guarantees:
// - tauri-driver runs in its own process group (with WebKitWebDriver and every app window and
//   WebKit process it starts), logging to artifacts/tauri-driver-<file>.log: no child holds
//   node's stdout open, which would keep `node --test` waiting after the last test.
// - The `after` hook closes the sessions still open, makes every pending WebDriver call fail,
//   then stops the whole group: SIGTERM, and SIGKILL for anything still alive 5 s later.
// - The group is also killed if the process exits or is signalled (SIGINT, SIGTERM, SIGHUP:
//   e.g. `timeout` stopping the run), without waiting for the hooks.
// - `test` is node:test's with a time limit: a test that takes too long fails with a message
//   naming it, its sessions are closed so its leftover code stops at its next call, and the
//   file goes on to the next test. Any session a test leaves open is closed when it ends, so
//   every test starts with none.
// - If something still keeps node alive after teardown, the process says what and exits.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { after, before, test as nodeTest } from 'node:test';
import { fileURLToPath } from 'node:url';
import { closeAllSessions, stopAllCalls } from './webdriver.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const artifacts = join(here, 'artifacts');

/** A test's time limit; the slowest (the 10,000-item Map) needs about 3 minutes on a loaded machine. */
export const TEST_TIMEOUT_MS = Number(process.env.E2E_TEST_TIMEOUT_MS ?? 360000);

let group; // pid of tauri-driver = id of its process group
let base;
let failed = false;
let cleanup = Promise.resolve(); // closing the sessions of a test that timed out

/** The URL of this file's tauri-driver (set once `useDriver`'s `before` hook has run). */
export const driverUrl = () => base;

/** Starts tauri-driver before the file's tests and stops it, and all it started, after them. */
export function useDriver(app) {
  before(async () => {
    assert.ok(existsSync(app), `the app is not built at ${app}`);
    mkdirSync(artifacts, { recursive: true });
    const port = await freePort();
    const nativePort = await freePort();
    const testFile = basename(process.argv[1] ?? 'e2e', '.test.mjs');
    const log = openSync(join(artifacts, `tauri-driver-${testFile}.log`), 'w');
    const driver = spawn(process.env.TAURI_DRIVER ?? 'tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
      stdio: ['ignore', log, log],
      detached: true,
    });
    closeSync(log);
    group = driver.pid;
    const failedToStart = new Promise((_, reject) => driver.once('error', (e) => reject(new Error(`tauri-driver could not start: ${e.message}`))));
    failedToStart.catch(() => undefined);
    base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 20000;
    for (;;) {
      try {
        if ((await Promise.race([fetch(`${base}/status`, { signal: AbortSignal.timeout(2000) }), failedToStart])).ok) break;
      } catch (e) {
        if (e.message.startsWith('tauri-driver could not start')) throw e;
      }
      if (Date.now() > deadline) throw new Error('tauri-driver did not answer within 20 s');
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  after(async () => {
    await cleanup;
    await closeAllSessions();
    stopAllCalls();
    await stopGroup();
    exitIfStuck();
  });
}

/** node:test's `test` with the e2e time limit (the body may take the test context `t`). */
export function test(name, fn) {
  return nodeTest(name, { timeout: TEST_TIMEOUT_MS }, async (t) => {
    // The driver takes one session at a time: let a timed-out test's windows close first.
    await cleanup;
    const onAbort = () => {
      failed = true;
      console.error(`e2e: "${name}" did not finish within ${TEST_TIMEOUT_MS / 1000} s: it fails, and its app windows are closed`);
      cleanup = closeAllSessions();
    };
    t.signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await fn(t);
    } catch (e) {
      failed = true;
      throw e;
    } finally {
      t.signal.removeEventListener('abort', onAbort);
      // A window the test left open (it failed before its own cleanup) would block the next one.
      if (!t.signal.aborted) await closeAllSessions();
    }
  });
}

const alive = (pgid) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

function signalGroup(sig) {
  if (!group) return;
  try {
    process.kill(-group, sig);
  } catch {
    /* already gone */
  }
}

async function stopGroup() {
  if (!group) return;
  signalGroup('SIGTERM');
  const deadline = Date.now() + 5000;
  while (alive(group) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive(group)) {
    console.error('e2e: tauri-driver or an app window did not stop on SIGTERM within 5 s; killing them');
    signalGroup('SIGKILL');
  }
  group = undefined;
}

/** After teardown nothing of ours should keep node alive; if something does, say what and exit. */
function exitIfStuck() {
  setTimeout(() => {
    const left = process.getActiveResourcesInfo().filter((r) => r !== 'Timeout');
    console.error(`e2e: node was still busy 15 s after the last test (${left.join(', ') || 'timers'}); exiting`);
    process.exit(process.exitCode || (failed ? 1 : 0));
  }, 15000).unref();
}

// Last resort when the hooks cannot run: kill the whole group synchronously.
process.once('exit', () => signalGroup('SIGKILL'));
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(sig, () => {
    signalGroup('SIGKILL');
    process.exit(code);
  });
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
    srv.on('error', reject);
  });
}
