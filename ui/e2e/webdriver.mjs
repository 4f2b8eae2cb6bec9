// A minimal W3C WebDriver client over fetch: just what the e2e tests use, no dependencies.

const ELEMENT = 'element-6066-11e4-a52e-4f8d3b5c0a9e';
/** Longest wait for one WebDriver command (starting the app included). */
const COMMAND_TIMEOUT_MS = 60000;

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(base, capabilities) {
    const value = await call(base, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } });
    return new Session(base, value.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async delete() {
    await call(this.base, 'DELETE', `/session/${this.id}`).catch(() => undefined);
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

  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
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

  /** Waits until `check` returns a truthy value (retrying on errors too) and returns it. */
  async until(what, check, timeoutMs = 15000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (;;) {
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

async function call(base, method, path, body) {
  // A command the driver never answers fails (naming itself) rather than hanging the test run.
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(COMMAND_TIMEOUT_MS),
  }).catch((e) => {
    throw new Error(`${method} ${path}: ${e.name === 'TimeoutError' ? `no answer in ${COMMAND_TIMEOUT_MS / 1000} s` : e.message}`);
  });
  const json = await response.json().catch(() => ({}));
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
