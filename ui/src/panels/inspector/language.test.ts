import { canRecover, dataFields, effectiveLanguage } from './language';

describe('effectiveLanguage', () => {
  it('is the state own, else the workflow, else JSONPath', () => {
    expect(effectiveLanguage({ QueryLanguage: 'JSONata' }, {})).toBe('JSONata');
    expect(effectiveLanguage({ QueryLanguage: 'JSONPath' }, { QueryLanguage: 'JSONata' })).toBe('JSONPath');
    expect(effectiveLanguage({}, { QueryLanguage: 'JSONata' })).toBe('JSONata');
    expect(effectiveLanguage({}, null)).toBe('JSONPath');
    expect(effectiveLanguage({ QueryLanguage: 'Python' }, {})).toBe('JSONPath');
  });
});

describe('dataFields', () => {
  const names = (type: string, l: 'JSONPath' | 'JSONata') => dataFields(type, l).map((f) => f.name);
  it('offers JSONata forms instead of JSONPath fields', () => {
    expect(names('Task', 'JSONata')).toEqual(['Arguments', 'Output', 'Assign']);
    expect(names('Task', 'JSONPath')).toEqual(['InputPath', 'Parameters', 'ResultSelector', 'ResultPath', 'OutputPath', 'Assign']);
    for (const type of ['Task', 'Pass', 'Choice', 'Wait', 'Map', 'Parallel', 'Succeed'])
      for (const f of names(type, 'JSONata')) expect(['InputPath', 'Parameters', 'ResultSelector', 'ResultPath', 'OutputPath']).not.toContain(f);
  });
  it('follows what each type allows', () => {
    expect(names('Succeed', 'JSONata')).toEqual(['Output']);
    expect(names('Fail', 'JSONata')).toEqual([]);
    expect(names('Fail', 'JSONPath')).toEqual([]);
    expect(names('Choice', 'JSONPath')).not.toContain('ResultPath');
    expect(names('Pass', 'JSONPath')).not.toContain('ResultSelector');
  });
  it('knows who can retry', () => {
    expect(['Task', 'Map', 'Parallel', 'Pass', 'Choice'].map(canRecover)).toEqual([true, true, true, false, false]);
  });
});
