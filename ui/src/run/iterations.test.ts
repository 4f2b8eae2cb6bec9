import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../ipc/bindings';
import { enclosingMap, mapIterations, parallelBranches, statesInside } from './iterations';

const ev = (id: number, prev: number, kind: string, state: string | null, index: number | null = null): RunEvent => ({
  id,
  previousEventId: prev,
  timestamp: 0,
  kind,
  state,
  index,
  details: null,
});

// Two iterations of Map M running side by side: iteration 0's T fails and is caught (to Aside),
// iteration 1 goes T then L. After the Map, the state After runs at the top.
const history = [
  ev(1, 0, 'ExecutionStarted', null),
  ev(2, 1, 'MapStateEntered', 'M'),
  ev(3, 2, 'MapStateStarted', 'M'),
  ev(4, 3, 'MapIterationStarted', 'M', 0),
  ev(5, 4, 'TaskStateEntered', 'T'),
  ev(6, 5, 'TaskScheduled', 'T'),
  ev(7, 3, 'MapIterationStarted', 'M', 1),
  ev(8, 6, 'TaskFailed', 'T'),
  ev(9, 8, 'TaskStateExited', 'T'),
  ev(10, 9, 'PassStateEntered', 'Aside'),
  ev(11, 7, 'TaskStateEntered', 'T'),
  ev(12, 11, 'TaskStateExited', 'T'),
  ev(13, 12, 'TaskStateEntered', 'L'),
  ev(14, 13, 'TaskStateExited', 'L'),
  ev(15, 10, 'PassStateExited', 'Aside'),
  ev(16, 15, 'MapIterationSucceeded', 'M', 0),
  ev(17, 14, 'MapIterationSucceeded', 'M', 1),
  ev(18, 17, 'MapStateSucceeded', 'M'),
  ev(19, 18, 'MapStateExited', 'M'),
  ev(20, 19, 'PassStateEntered', 'After'),
];

describe('mapIterations', () => {
  it("gives each iteration its own path and statuses", () => {
    const m = mapIterations(history).get('M');
    expect(m?.indexes).toEqual([0, 1]);
    expect(m?.statuses.get(0)).toEqual({ T: 'caught', Aside: 'succeeded' });
    expect(m?.statuses.get(1)).toEqual({ T: 'succeeded', L: 'succeeded' });
    expect([...(m?.taken.get(0) ?? [])]).toEqual(['T\u0000Aside']);
    expect([...(m?.taken.get(1) ?? [])]).toEqual(['T\u0000L']);
  });

  it("gives the Map's closing events back to where the Map ran", () => {
    const m = mapIterations(history).get('M');
    for (const s of m?.statuses.values() ?? []) expect(s.After).toBeUndefined();
  });

  it('follows nested Maps to the innermost iteration', () => {
    const nested = [
      ev(1, 0, 'ExecutionStarted', null),
      ev(2, 1, 'MapStateEntered', 'Outer'),
      ev(3, 2, 'MapStateStarted', 'Outer'),
      ev(4, 3, 'MapIterationStarted', 'Outer', 0),
      ev(5, 4, 'MapStateEntered', 'Inner'),
      ev(6, 5, 'MapStateStarted', 'Inner'),
      ev(7, 6, 'MapIterationStarted', 'Inner', 0),
      ev(8, 7, 'PassStateEntered', 'P'),
      ev(9, 8, 'PassStateExited', 'P'),
      ev(10, 9, 'MapIterationSucceeded', 'Inner', 0),
      ev(11, 10, 'MapStateSucceeded', 'Inner'),
      ev(12, 11, 'MapStateExited', 'Inner'),
      ev(13, 12, 'PassStateEntered', 'Q'),
    ];
    const all = mapIterations(nested);
    expect(all.get('Outer')?.statuses.get(0)).toEqual({ Inner: 'succeeded', Q: 'active' });
    expect(all.get('Inner')?.statuses.get(0)).toEqual({ P: 'succeeded' });
  });
});

describe('the definition', () => {
  const def = {
    StartAt: 'M',
    States: {
      M: { Type: 'Map', ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Task' }, Fan: { Type: 'Parallel', Branches: [{ States: { A: {} } }, { States: { B: {}, C: {} } }] } } } },
      After: { Type: 'Pass' },
    },
  };
  it('finds the states inside a Map and the Map holding a state', () => {
    expect([...statesInside(def, 'M')].sort()).toEqual(['A', 'B', 'C', 'Fan', 'T']);
    expect(enclosingMap(def, 'B')).toBe('M');
    expect(enclosingMap(def, 'M')).toBe('M');
    expect(enclosingMap(def, 'After')).toBeNull();
  });
  it("lists a Parallel state's branches", () => {
    expect(parallelBranches(def, 'Fan')).toEqual([['A'], ['B', 'C']]);
    expect(parallelBranches(def, 'M')).toEqual([]);
  });
});
