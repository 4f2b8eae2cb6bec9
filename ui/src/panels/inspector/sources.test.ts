import { CAUSE_SOURCE, TIMEOUT_SOURCE, sourceOf, switchSource } from './sources';

describe('fixed or from a field', () => {
  it('tells which member the state uses', () => {
    expect(sourceOf({ TimeoutSeconds: 30 }, TIMEOUT_SOURCE)).toBe('fixed');
    expect(sourceOf({ TimeoutSecondsPath: '$.t' }, TIMEOUT_SOURCE)).toBe('path');
    expect(sourceOf({}, CAUSE_SOURCE)).toBe('fixed');
  });
  it('switches in one change that never leaves both members', () => {
    expect(switchSource('/States/T', { TimeoutSeconds: 30 }, TIMEOUT_SOURCE, 'path')).toEqual([
      { op: 'remove', pointer: '/States/T/TimeoutSeconds' },
      { op: 'set', pointer: '/States/T/TimeoutSecondsPath', value: '$.timeoutSeconds' },
    ]);
    // Nothing to remove when the fixed value was not written.
    expect(switchSource('/States/F', {}, CAUSE_SOURCE, 'path')).toEqual([{ op: 'set', pointer: '/States/F/CausePath', value: '$.cause' }]);
    expect(switchSource('/States/F', { CausePath: '$.why' }, CAUSE_SOURCE, 'fixed')).toEqual([{ op: 'remove', pointer: '/States/F/CausePath' }]);
    expect(switchSource('/States/F', { CausePath: '$.why' }, CAUSE_SOURCE, 'path')).toEqual([]);
  });
});
