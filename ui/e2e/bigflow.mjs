// Large generated workflows for the performance test: exactly `n` states in total, cycling
// Task / Pass / Choice / Parallel / Map (the same shape as shared/conformance/validation/bench/
// gen_large.py, which made large-1000.asl.json), so the test needs no file from outside the repo.

const ARN = 'arn:aws:lambda:us-east-1:111111111111:function:worker';
const KINDS = ['Task', 'Pass', 'Choice', 'Parallel', 'Map'];
const COST = { Task: 1, Pass: 1, Choice: 1, Parallel: 5, Map: 3 };

export const stateName = (k) => `S${String(k).padStart(4, '0')}`;

/** The definition as pretty-printed JSON text (2-space indent, like the Python generator). */
export function bigFlow(n) {
  const plan = [];
  let total = 0;
  for (let i = 0; ; i++) {
    const k = KINDS[i % 5];
    if (total + COST[k] + 2 > n) break;
    plan.push(k);
    total += COST[k];
  }
  while (total + 2 < n) {
    plan.push('Pass');
    total += 1;
  }
  const states = {};
  plan.forEach((k, idx) => {
    const me = stateName(idx);
    const next = idx + 1 < plan.length ? stateName(idx + 1) : 'Done';
    if (k === 'Task')
      states[me] = {
        Type: 'Task',
        Resource: ARN,
        Parameters: { index: idx, 'payload.$': '$.payload' },
        ResultPath: `$.results.t${idx}`,
        TimeoutSeconds: 30,
        Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 1 }],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'HandleError' }],
        Next: next,
      };
    else if (k === 'Pass') states[me] = { Type: 'Pass', Parameters: { step: idx, 'input.$': '$' }, ResultPath: `$.pass${idx}`, Next: next };
    else if (k === 'Choice')
      states[me] = {
        Type: 'Choice',
        Choices: [
          { Variable: '$.flag', BooleanEquals: true, Next: next },
          { And: [{ Variable: '$.count', IsPresent: true }, { Variable: '$.count', NumericGreaterThan: 10 }], Next: next },
        ],
        Default: next,
      };
    else if (k === 'Parallel')
      states[me] = {
        Type: 'Parallel',
        ResultPath: `$.par${idx}`,
        Next: next,
        Branches: [0, 1].map((b) => ({
          StartAt: `${me}_b${b}_1`,
          States: {
            [`${me}_b${b}_1`]: { Type: 'Pass', Result: { branch: b }, Next: `${me}_b${b}_2` },
            [`${me}_b${b}_2`]: { Type: 'Pass', End: true },
          },
        })),
      };
    else
      states[me] = {
        Type: 'Map',
        ItemsPath: '$.items',
        MaxConcurrency: 10,
        ResultPath: `$.map${idx}`,
        Next: next,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: `${me}_m1`,
          States: { [`${me}_m1`]: { Type: 'Task', Resource: ARN, Next: `${me}_m2` }, [`${me}_m2`]: { Type: 'Pass', End: true } },
        },
      };
  });
  states.HandleError = { Type: 'Fail', Error: 'Failed', Cause: 'A task failed' };
  states.Done = { Type: 'Succeed' };
  return JSON.stringify({ Comment: `Generated benchmark definition with ${n} states`, StartAt: stateName(0), States: states }, null, 2);
}

/** Counts every state, nested ones included. */
export function countStates(states) {
  let c = 0;
  for (const s of Object.values(states)) {
    c += 1;
    for (const b of s.Branches ?? []) c += countStates(b.States);
    if (s.ItemProcessor) c += countStates(s.ItemProcessor.States);
  }
  return c;
}
