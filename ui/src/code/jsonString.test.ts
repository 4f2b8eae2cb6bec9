import { expect, it } from 'vitest';
import { expressionMarks } from './jsonataMarks';
import { decode, isExpression } from './jsonString';

it('decodes a literal and knows where each unit came from', () => {
  const literal = String.raw`"a\"é\u00e9😀b"`;
  const { value, at } = decode(literal);
  expect(value).toBe('a"éé😀b');
  expect(value.length).toBe(7);
  expect(literal[at[1]]).toBe('\\');
  expect(literal.slice(at[3], at[4])).toBe(String.raw`\u00e9`);
  expect(literal.slice(at[4], at[6])).toBe('😀');
  expect(literal[at[6]]).toBe('b');
  expect(at[value.length]).toBe(literal.length - 1);
});

it('does not throw on broken literals', () => {
  expect(decode('"abc').value).toBe('abc');
  expect(decode('"a\\').value).toBe('a');
  expect(decode('"\\u12"').value).toBe('u12');
});

it('recognises {% %} expressions only', () => {
  expect(isExpression('{% $x %}')).toBe(true);
  expect(isExpression('{%%}')).toBe(true);
  expect(isExpression('{% $x')).toBe(false);
  expect(isExpression('$.x')).toBe(false);
});

it('marks each token of an expression in the text, past escapes', () => {
  const literal = String.raw`"{% $states.input & \"é\" %}"`;
  const from = 100;
  const marks = expressionMarks(literal, from);
  const cls = (m: (typeof marks)[number]) => (m.value.spec as { class: string }).class;
  const text = (m: (typeof marks)[number]) => literal.slice(m.from - from, m.to - from);
  expect(marks.map((m) => [cls(m), text(m)])).toEqual([
    ['cm-jsonata', literal],
    ['cm-jsonata-delim', '{%'],
    ['cm-jsonata-delim', '%}'],
    ['cm-jsonata-states', '$states'],
    ['cm-jsonata-operator', '.'],
    ['cm-jsonata-name', 'input'],
    ['cm-jsonata-operator', '&'],
    ['cm-jsonata-string', String.raw`\"é\"`],
  ]);
  expect(expressionMarks('"plain"', 0)).toEqual([]);
});
