// End-to-end tests of the run panel in the real app: executions with mocks, caught errors,
// breakpoints and Step, Map iterations, a callback answered from the panel, and how the UI keeps
// up with a 10,000-item Map (numbers written to artifacts/run-perf.json).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { artifacts, button, choose, endText, launch, open, repo, setText, shot, statuses, useDriver, work } from './runApp.mjs';

const bench = process.env.STATEWRIGHT_BENCH ?? resolve(repo, '../shared/bench/map_pass.asl.json');

useDriver();

test('the order example runs to success with its HappyPath mocks', async () => {
  const { session } = await launch('order-processing');
  try {
    assert.equal(await session.execute(`return document.querySelector('select[aria-label="Test case"]').value;`), 'HappyPath');
    await (await button(session, 'Run')).click();
    const end = await session.until('the end', async () => endText(session));
    assert.match(end, /succeeded/);
    const s = await statuses(session);
    for (const state of ['ValidateOrder', 'IsOrderValid', 'ReserveInventory', 'ChargePayment', 'RecordOrder', 'SendConfirmation', 'OrderCompleted']) {
      assert.equal(s[state], 'succeeded', `${state}: ${s[state]}`);
    }
    assert.equal(s.PaymentFailed, 'idle');
    const taken = await session.execute(`return document.querySelectorAll('.react-flow__edge.taken').length;`);
    assert.ok(taken >= 6, `taken edges drawn: ${taken}`);
    const rows = await session.execute(`return [...document.querySelectorAll('table[aria-label="Execution history"] tbody tr td:nth-child(2)')].map(td => td.textContent);`);
    assert.equal(rows[0], 'ExecutionStarted');
    assert.equal(rows[rows.length - 1], 'ExecutionSucceeded');
    await (await session.find('.react-flow__node [aria-label="ChargePayment"]')).click();
    const inspector = await session.until('the inspection', async () => session.execute(`return document.querySelector('.run-inspector')?.textContent ?? '';`));
    assert.match(inspector, /After Parameters/);
    assert.match(inspector, /Task result/);
    await shot(session, 'run-01-order-succeeded');
  } finally {
    await session.delete();
  }
});

test('a declined payment is caught and shown as caught', async () => {
  const { session } = await launch('order-processing');
  try {
    await choose(session, 'Test case', 'PaymentDeclined');
    await (await button(session, 'Run')).click();
    const end = await session.until('the end', async () => endText(session));
    assert.match(end, /failed/);
    const s = await statuses(session);
    assert.equal(s.ChargePayment, 'caught');
    assert.equal(s.ReleaseInventory, 'succeeded');
    assert.equal(s.PaymentFailed, 'failed');
    assert.equal(s.RecordOrder, 'idle');
    await (await session.find('.react-flow__node [aria-label="ChargePayment"]')).click();
    const inspector = await session.until('the errors', async () => {
      const t = await session.execute(`return document.querySelector('.run-inspector')?.textContent ?? '';`);
      return t.includes('Errors') ? t : '';
    });
    assert.match(inspector, /Errors/);
    await shot(session, 'run-02-payment-caught');
  } finally {
    await session.delete();
  }
});

test('a breakpoint pauses before its state and Step advances one state', async () => {
  const { session } = await launch('order-processing');
  try {
    const toggle = await button(session, 'Toggle breakpoint on ChargePayment');
    await toggle.click();
    assert.equal(await toggle.attribute('aria-pressed'), 'true');
    await (await button(session, 'Run')).click();
    const paused = await session.until('the pause', async () => session.execute(`return document.querySelector('.run-paused')?.textContent ?? '';`));
    assert.match(paused, /Paused before ChargePayment \(a breakpoint\)/);
    let s = await statuses(session);
    assert.equal(s.ReserveInventory, 'succeeded');
    assert.equal(s.ChargePayment, 'idle', 'paused before entering');
    await shot(session, 'run-03-breakpoint');
    await (await button(session, 'Step')).click();
    await session.until('the next pause', async () =>
      (await session.execute(`return document.querySelector('.run-paused')?.textContent ?? '';`)).includes('Paused before RecordOrder'),
    );
    s = await statuses(session);
    assert.equal(s.ChargePayment, 'succeeded');
    assert.equal(s.RecordOrder, 'idle');
    await (await button(session, 'Continue')).click();
    assert.match(await session.until('the end', async () => endText(session)), /succeeded/);
  } finally {
    await session.delete();
  }
});

test("a Map's iterations run and can be browsed by pass", async () => {
  const { session } = await launch('etl-pipeline');
  try {
    await (await button(session, 'Run')).click();
    assert.match(await session.until('the end', async () => endText(session)), /succeeded/);
    const s = await statuses(session);
    assert.equal(s.TransformAndLoad, 'succeeded');
    assert.equal(s.TransformRecord, 'succeeded');
    assert.equal(s.LoadRecord, 'succeeded');
    await (await session.find('.react-flow__node [aria-label="TransformRecord"]')).click();
    const pass = await session.until('the passes', async () => session.execute(`return document.querySelector('.run-pass')?.textContent ?? '';`));
    assert.match(pass, /of 3/);
    assert.match(pass, /Map iteration 0/);
    await (await button(session, 'Next pass')).click();
    assert.match(await session.execute(`return document.querySelector('.run-pass').textContent;`), /Map iteration 1/);
    const iterations = await session.execute(`return [...document.querySelectorAll('table[aria-label="Execution history"] td:nth-child(2)')].filter(td => td.textContent === 'MapIterationSucceeded').length;`);
    assert.equal(iterations, 3);
    await (await button(session, 'Timeline')).click();
    await shot(session, 'run-04-map-iterations');
  } finally {
    await session.delete();
  }
});

test('a callback task waits with its token and Send success answers it', async () => {
  const { session } = await launch('human-approval', {
    mocks: (m) => {
      m.StateMachines['human-approval'].TestCases.AskTheManager = { PayClaim: 'PaymentSucceeded' };
      return m;
    },
  });
  try {
    await choose(session, 'Test case', 'AskTheManager');
    await (await button(session, 'Run')).click();
    const token = await session.until('the waiting task', async () => session.execute(`return document.querySelector('.run-callback .token')?.textContent ?? '';`));
    assert.match(token, /^[0-9a-f-]{36}$/);
    assert.equal((await statuses(session)).RequestApproval, 'waiting');
    await setText(session, 'textarea[aria-label="Callback output for RequestApproval"]', '{"approved": true, "approver": "m.smith@example.com"}');
    await shot(session, 'run-05-waiting-for-callback');
    await (await button(session, 'Send success')).click();
    assert.match(await session.until('the end', async () => endText(session)), /succeeded/);
    const s = await statuses(session);
    assert.equal(s.RequestApproval, 'succeeded');
    assert.equal(s.PayClaim, 'succeeded');
  } finally {
    await session.delete();
  }
});

test('a 10,000-item Map runs with the UI answering clicks', async (t) => {
  if (!existsSync(bench)) return t.skip(`no benchmark at ${bench}`);
  const dir = mkdtempSync(join(work, 'bench-'));
  const file = join(dir, 'map_pass.asl.json');
  copyFileSync(bench, file);
  const items = Array.from({ length: 10000 }, (_, i) => ({ i, parity: i % 2 ? 'odd' : 'even', payload: `item-${i}` }));
  writeFileSync(join(dir, 'map_pass.input.json'), JSON.stringify({ items }));
  const { session } = await open(file);
  try {
    const started = Date.now();
    await (await button(session, 'Run')).click();
    const tabs = [await button(session, 'Timeline'), await button(session, 'History')];
    const clicks = [];
    let ended = '';
    let sawActive = false;
    for (let i = 0; !ended && Date.now() - started < 120000; i++) {
      const t0 = Date.now();
      await tabs[i % 2].click();
      clicks.push(Date.now() - t0);
      if (!sawActive) sawActive = Object.values(await statuses(session)).includes('active');
      ended = await endText(session);
    }
    const wall = Date.now() - started;
    assert.match(ended, /succeeded/);
    const transitions = await session.execute(`return document.querySelector('.run-end').textContent.match(/(\\d+) state entries/)[1];`);
    assert.equal(Number(transitions), 30001);
    clicks.sort((a, b) => a - b);
    const result = {
      items: 10000,
      transitions: Number(transitions),
      wallMillisClickToEnd: wall,
      transitionsPerSecondInApp: Math.round(Number(transitions) / (wall / 1000)),
      clicksWhileRunning: clicks.length,
      clickMillisMedian: clicks[Math.floor(clicks.length / 2)],
      clickMillisMax: clicks[clicks.length - 1],
      sawActiveHighlight: sawActive,
    };
    writeFileSync(join(artifacts, 'run-perf.json'), JSON.stringify(result, null, 2));
    console.log('10,000-item Map in the app:', result);
    assert.ok(result.clickMillisMax < 1000, `a click took ${result.clickMillisMax} ms while running`);
    await shot(session, 'run-06-map-10000');
  } finally {
    await session.delete();
  }
});
