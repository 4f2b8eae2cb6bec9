import { OPERATORS, describeRule, readRule, readValue, valueFor, withRule, writeRule } from './choiceRules';

describe('OPERATORS', () => {
  it('covers every ASL comparison operator once', () => {
    const names = OPERATORS.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    for (const t of ['String', 'Numeric', 'Timestamp'])
      for (const op of ['Equals', 'LessThan', 'GreaterThan', 'LessThanEquals', 'GreaterThanEquals']) {
        expect(names).toContain(`${t}${op}`);
        expect(names).toContain(`${t}${op}Path`);
      }
    for (const n of ['StringMatches', 'BooleanEquals', 'BooleanEqualsPath', 'IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp'])
      expect(names).toContain(n);
    expect(names).toHaveLength(3 * 10 + 1 + 2 + 6);
  });
});

describe('readRule / writeRule', () => {
  const rules = [
    { Variable: '$.total', NumericGreaterThan: 100 },
    { And: [{ Variable: '$.a', IsPresent: true }, { Not: { Variable: '$.b', StringMatches: 'x*' } }] },
    { Or: [{ Variable: '$.t', TimestampLessThanEqualsPath: '$.limit' }] },
    { Condition: '{% $states.input.total > 100 %}' },
  ];
  it('round-trips rules', () => {
    for (const r of rules) expect(writeRule(readRule({ ...r, Next: 'X' }))).toEqual(r);
  });
  it('keeps what it cannot show as JSON', () => {
    const odd = { Variable: '$.a', StringEquals: 'x', NumericEquals: 1 };
    const r = readRule(odd);
    expect(r.kind).toBe('other');
    expect(writeRule(r)).toEqual(odd);
  });
  it('withRule keeps Next, Comment and Assign', () => {
    const choice = { Variable: '$.a', IsPresent: true, Next: 'Go', Comment: 'c', Assign: { x: 1 } };
    const out = withRule(choice, { kind: 'compare', variable: '$.a', operator: 'NumericEquals', value: 3 });
    expect(out).toEqual({ Variable: '$.a', NumericEquals: 3, Next: 'Go', Comment: 'c', Assign: { x: 1 } });
  });
});

describe('values', () => {
  it('reads typed values per operator', () => {
    expect(readValue('NumericEquals', '12.5')).toEqual({ value: 12.5, error: null });
    expect(readValue('NumericEquals', 'x').error).toMatch(/number/);
    expect(readValue('StringEquals', ' a ')).toEqual({ value: ' a ', error: null });
    expect(readValue('BooleanEquals', 'false')).toEqual({ value: false, error: null });
    expect(readValue('TimestampEquals', '2026-01-01T00:00:00Z').error).toBeNull();
    expect(readValue('TimestampEquals', 'tomorrow').error).toMatch(/like 2026/);
    expect(readValue('StringEqualsPath', 'x').error).toMatch(/starts with \$/);
  });
  it('picks a fitting value when the operator changes', () => {
    expect(valueFor('NumericEquals', 'abc')).toBe(0);
    expect(valueFor('NumericEqualsPath', 3)).toBe('$.');
    expect(valueFor('StringEquals', 'abc')).toBe('abc');
    expect(valueFor('IsNull', false)).toBe(false);
  });
  it('describes rules in words', () => {
    expect(describeRule(readRule({ Not: { Variable: '$.a', IsNull: true } }))).toBe('not ($.a is null)');
  });
});
