// A minimal W3C WebDriver client over fetch: just what the e2e tests use, no dependencies.
// No call can hang a run: every request has a deadline, every session is remembered until it is
// deleted (so teardown can close the ones a failed or timed-out test left open), and once a
// session is closed or the run stops, its calls fail at once instead of retrying.

import { writeFileSync } from 'node:fs';

const ELEMENT = 'element-6066-11e4-a52e-4f8d3b5c0a9e';

/** How long one WebDriver command may take (the shared test machine can be slow). */
const COMMAND_MS = Number(process.env.E2E_COMMAND_TIMEOUT_MS ?? 60000);
/** Starting a session launches the app: allow it longer. */
const CREATE_MS = Number(process.env.E2E_CREATE_TIMEOUT_MS ?? 180000);
/** Deleting a session closes the app window; teardown does not wait longer than this for it. */
const DELETE_MS = 20000;
/** A screenshot normally takes well under a second. */
const SCREENSHOT_MS = 20000;

/** Aborted when the run stops: every pending and later call fails at once. */
const stopping = new AbortController();

/** Starts repainting one near-transparent pixel every frame (see `saveScreenshot`). */
const KEEP_PAINTING = `
  if (!window.__e2eKeepPainting) {
    const dot = document.createElement('div');
    dot.setAttribute('aria-hidden', 'true');
    dot.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none;z-index:2147483647';
    document.body.appendChild(dot);
    let odd = false;
    const tick = () => {
      if (!dot.isConnected) return;
      odd = !odd;
      dot.style.background = odd ? 'rgba(0,0,0,0.01)' : 'rgba(0,0,0,0.02)';
      requestAnimationFrame(tick);
    };
    window.__e2eKeepPainting = dot;
    requestAnimationFrame(tick);
  }
  return true;`;

/** Stops what KEEP_PAINTING started. */
const STOP_PAINTING = `window.__e2eKeepPainting?.remove(); window.__e2eKeepPainting = undefined; return true;`;

/** Sessions created and not deleted yet. */
const openSessions = new Set();

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
    this.closed = false;
    openSessions.add(this);
  }

  static async create(base, capabilities) {
    const value = await call(base, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } }, CREATE_MS);
    return new Session(base, value.sessionId);
  }

  cmd(method, path, body, timeoutMs) {
    if (this.closed) return Promise.reject(new Error(`${method} ${path}: the session was already closed (the test ended or timed out)`));
    return call(this.base, method, `/session/${this.id}${path}`, body, timeoutMs);
  }

  /** Closes the app window of this session. Never throws; says on stderr when it could not. */
  async delete() {
    if (this.closed) return;
    this.closed = true;
    openSessions.delete(this);
    try {
      await call(this.base, 'DELETE', `/session/${this.id}`, undefined, DELETE_MS);
    } catch (e) {
      if (!stopping.signal.aborted) console.error(`e2e: could not close session ${this.id} (its window is closed with tauri-driver at the end): ${e.message}`);
    }
  }

  async findAll(css) {
    const found = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return found.map((e) => new Element(this, elementId(e)));
  }

  async find(css) {
    const e = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return new Element(this, elementId(e));
  }

  /** Runs `script` (a function body) in the page and returns its result. */
  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  async screenshot(timeoutMs) {
    return Buffer.from(await this.cmd('GET', '/screenshot', undefined, timeoutMs), 'base64');
  }

  /**
   * Writes a screenshot to `file` as an artifact (not a check). WebKitWebDriver answers a
   * screenshot request only after the page's next painted frame, and an idle page paints none
   * (under Xvfb a request made while nothing moves was seen to wait forever). So while it asks,
   * one pixel in the top-left corner, all but transparent, changes colour every frame. One that
   * still takes over 20 s is asked again, and if that fails too the test goes on without it
   * (saying so on stderr).
   */
  async saveScreenshot(file) {
    await this.execute(KEEP_PAINTING).catch(() => undefined);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          writeFileSync(file, await this.screenshot(SCREENSHOT_MS));
          return;
        } catch (e) {
          if (this.closed || attempt === 2) {
            console.error(`e2e: screenshot ${file} not taken: ${e.message}`);
            return;
          }
        }
      }
    } finally {
      if (!this.closed) await this.execute(STOP_PAINTING).catch(() => undefined);
    }
  }

  /** Presses keys with the W3C actions API (`keys` are WebDriver key strings, e.g. '\uE009'). */
  async keys(sequence) {
    const actions = [];
    for (const step of sequence) {
      if (step.down) actions.push({ type: 'keyDown', value: step.down });
      else if (step.up) actions.push({ type: 'keyUp', value: step.up });
      else for (const ch of step.type) actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
    }
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }

  /**
   * Drags the mouse from one viewport point to another with the W3C actions API: press, move
   * in `steps` small moves (so mousemove fires along the way, as with a hand), release.
   */
  async drag(from, to, { steps = 10, pauseMs = 40, release = true } = {}) {
    const at = (x, y) => ({ type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) });
    const actions = [at(from.x, from.y), { type: 'pause', duration: pauseMs }, { type: 'pointerDown', button: 0 }];
    for (let i = 1; i <= steps; i++) {
      actions.push(at(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps), { type: 'pause', duration: pauseMs });
    }
    if (release) actions.push({ type: 'pointerUp', button: 0 });
    await this.cmd('POST', '/actions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
    if (release) await this.cmd('DELETE', '/actions');
  }

  /** Releases the mouse button held by `drag(..., { release: false })`. */
  async release() {
    await this.cmd('POST', '/actions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerUp', button: 0 }] }],
    });
    await this.cmd('DELETE', '/actions');
  }

  /** Clicks at a viewport point with the W3C actions API. */
  async clickAt(point) {
    const actions = [
      { type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(point.x), y: Math.round(point.y) },
      { type: 'pointerDown', button: 0 },
      { type: 'pointerUp', button: 0 },
    ];
    await this.cmd('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
    await this.cmd('DELETE', '/actions');
  }

  /** Clicks at a viewport point while holding a key (e.g. Shift, '\uE008'). */
  async clickWith(key, point) {
    const move = { type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(point.x), y: Math.round(point.y) };
    const pause = { type: 'pause', duration: 0 };
    await this.cmd('POST', '/actions', {
      actions: [
        { type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: key }, pause, pause, pause, { type: 'keyUp', value: key }] },
        { type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [pause, move, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }, pause] },
      ],
    });
    await this.cmd('DELETE', '/actions');
  }

  /**
   * Waits until the diagram's view has not moved for 300 ms: opening a file fits the view, with a
   * short animation, and a click aimed while it moves lands beside the state (as for a person).
   */
  async viewSettled(timeoutMs = 10000) {
    await this.cmd('POST', '/execute/async', {
      script: `const [limit, done] = [arguments[0], arguments[arguments.length - 1]];
        const view = () => document.querySelector('.react-flow__viewport')?.style.transform ?? '';
        const start = performance.now();
        let last = view();
        let since = start;
        const poll = () => {
          const now = performance.now();
          if (view() !== last) { last = view(); since = now; }
          if (now - since >= 300 || now - start > limit) done(true);
          else setTimeout(poll, 40);
        };
        poll();`,
      args: [timeoutMs],
    });
  }

  /** Waits until `check` returns a truthy value (retrying on errors too) and returns it. */
  async until(what, check, timeoutMs = 15000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (;;) {
      if (this.closed) throw new Error(`stopped waiting for ${what}: the session was closed (the test ended or timed out)`);
      try {
        const v = await check();
        if (v) return v;
      } catch (e) {
        last = e;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }
  cmd(method, path, body) {
    return this.session.cmd(method, `/element/${this.id}${path}`, body);
  }
  click() {
    return this.cmd('POST', '/click', {});
  }
  attribute(name) {
    return this.cmd('GET', `/attribute/${name}`);
  }
  text() {
    return this.cmd('GET', '/text');
  }
  enabled() {
    return this.cmd('GET', '/enabled');
  }
  clear() {
    return this.cmd('POST', '/clear', {});
  }
  sendKeys(text) {
    return this.cmd('POST', '/value', { text });
  }
}

/** Deletes every session still open (each bounded by its own deadline). */
export async function closeAllSessions() {
  await Promise.all([...openSessions].map((s) => s.delete()));
}

/** Makes every pending and later WebDriver call fail at once (the run is being torn down). */
export function stopAllCalls() {
  for (const s of openSessions) s.closed = true;
  openSessions.clear();
  stopping.abort(new Error('the e2e run is shutting down'));
}

async function call(base, method, path, body, timeoutMs = COMMAND_MS) {
  if (stopping.signal.aborted) throw new Error(`${method} ${path}: not sent, the e2e run is shutting down`);
  // A plain timer and controller, not AbortSignal.timeout/any: on Node 20 a timeout signal only
  // referenced from AbortSignal.any can be garbage-collected and never fire (a run hung on it).
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, timeoutMs);
  const onStop = () => abort.abort();
  stopping.signal.addEventListener('abort', onStop, { once: true });
  let response;
  let json;
  try {
    response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: abort.signal,
    });
    json = await response.json().catch(() => ({}));
  } catch (e) {
    if (timedOut) throw new Error(`${method} ${path}: no answer from the WebDriver server within ${timeoutMs / 1000} s`, { cause: e });
    if (stopping.signal.aborted) throw new Error(`${method} ${path}: stopped, the e2e run is shutting down`, { cause: e });
    throw new Error(`${method} ${path}: ${e.cause?.message ?? e.message}`, { cause: e });
  } finally {
    clearTimeout(timer);
    stopping.signal.removeEventListener('abort', onStop);
  }
  if (!response.ok || (json.value && json.value.error)) {
    const v = json.value ?? {};
    throw new Error(`${method} ${path}: ${v.error ?? response.status} ${v.message ?? ''}`.trim());
  }
  return json.value;
}

/** The id of an element reference (W3C key, or the legacy one some drivers still send). */
function elementId(reference) {
  return reference[ELEMENT] ?? reference.ELEMENT ?? Object.values(reference)[0];
}
