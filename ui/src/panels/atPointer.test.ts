import { atPointer } from './Inspector';

describe('atPointer', () => {
  const doc = { States: { 'a/b': { Type: 'Pass' }, 'x~y': [1, 2] } };
  it('follows escaped tokens and array indexes', () => {
    expect(atPointer(doc, '/States/a~1b/Type')).toBe('Pass');
    expect(atPointer(doc, '/States/x~0y/1')).toBe(2);
    expect(atPointer(doc, '')).toBe(doc);
  });
  it('gives undefined for missing paths', () => {
    expect(atPointer(doc, '/States/nope/Type')).toBeUndefined();
    expect(atPointer(doc, '/States/a~1b/Type/deeper')).toBeUndefined();
  });
});
