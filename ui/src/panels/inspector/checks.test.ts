import { checkPath, checkTimestamp, expressionsIn, jsonText, readJson, readNumber } from './checks';

describe('readNumber', () => {
  it('reads numbers and empty', () => {
    expect(readNumber('42')).toEqual({ value: 42, error: null });
    expect(readNumber(' 1.5 ')).toEqual({ value: 1.5, error: null });
    expect(readNumber('')).toEqual({ value: null, error: null });
  });
  it('says what is wrong', () => {
    expect(readNumber('ten').error).toMatch(/number/);
    expect(readNumber('2.5', { integer: true }).error).toMatch(/whole number/);
    expect(readNumber('0', { min: 1 }).error).toBe('Must be at least 1.');
    expect(readNumber('101', { max: 100 }).error).toBe('Must be at most 100.');
    expect(readNumber('100', { max: 100 }).error).toBeNull();
  });
});

describe('readJson', () => {
  it('reads JSON, empty, and bare {% %} expressions', () => {
    expect(readJson('{"a": [1, null]}')).toEqual({ kind: 'value', value: { a: [1, null] } });
    expect(readJson('null')).toEqual({ kind: 'value', value: null });
    expect(readJson('  ')).toEqual({ kind: 'empty' });
    expect(readJson('{% $states.input %}')).toEqual({ kind: 'value', value: '{% $states.input %}' });
  });
  it('reports where the JSON breaks', () => {
    const r = readJson('{\n  "a": 1,\n  "b" 2\n}');
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.message).toMatch(/not valid JSON/);
  });
  it('round-trips through jsonText', () => {
    for (const v of [{ a: 1 }, [1, 'x'], 'text', 3, null, '{% 1 + 1 %}']) {
      const r = readJson(jsonText(v));
      expect(r).toEqual({ kind: 'value', value: v });
    }
    expect(jsonText(undefined)).toBe('');
  });
});

describe('checkPath', () => {
  it('accepts JSONPath references', () => {
    for (const p of ['$', '$.a', '$.a.b[0]', "$['my field']", '$$.Execution.Id', '$..x', '']) expect(checkPath(p)).toBeNull();
  });
  it('rejects what is not a path', () => {
    expect(checkPath('order.id')).toMatch(/starts with \$/);
    expect(checkPath('$.my field')).toMatch(/no spaces/);
    expect(checkPath('$.a[0')).toMatch(/not written right/);
  });
});

describe('checkTimestamp', () => {
  it('accepts RFC 3339', () => {
    expect(checkTimestamp('2026-03-14T01:59:00Z')).toBeNull();
    expect(checkTimestamp('2026-03-14T01:59:00.5+01:00')).toBeNull();
  });
  it('rejects other spellings and impossible dates', () => {
    expect(checkTimestamp('2026-03-14 01:59')).toMatch(/like 2026/);
    expect(checkTimestamp('2026-13-40T01:59:00Z')).toMatch(/does not exist/);
  });
});

describe('expressionsIn', () => {
  it('finds every {% %} string with its pointer', () => {
    const v = { a: '{% 1 %}', b: ['x', { 'c/d': '{% 2 %}' }], e: 'plain {% no %}' };
    expect(expressionsIn(v)).toEqual([
      { pointer: '/a', text: '{% 1 %}' },
      { pointer: '/b/1/c~1d', text: '{% 2 %}' },
    ]);
  });
});
