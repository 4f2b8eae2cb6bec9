import { expect, it } from 'vitest';
import { tokenize } from './jsonataTokens';

const kinds = (text: string) => tokenize(text).map((t) => [text.slice(t.from, t.to), t.type]);

it('tells $states, variables, functions, strings, numbers and operators apart', () => {
  expect(kinds("$states.input.total * 1.5 & $sum($x) & 'a'")).toEqual([
    ['$states', 'states'],
    ['.', 'operator'],
    ['input', 'name'],
    ['.', 'operator'],
    ['total', 'name'],
    ['*', 'operator'],
    ['1.5', 'number'],
    ['&', 'operator'],
    ['$sum', 'function'],
    ['(', 'bracket'],
    ['$x', 'variable'],
    [')', 'bracket'],
    ['&', 'operator'],
    ["'a'", 'string'],
  ]);
});

it('reads keywords, comments, regexes, := and ~>', () => {
  expect(kinds('$a := x in [1] and true /* c */ ~> $match(/ab\\/c/i)')).toEqual([
    ['$a', 'variable'],
    [':=', 'operator'],
    ['x', 'name'],
    ['in', 'keyword'],
    ['[', 'bracket'],
    ['1', 'number'],
    [']', 'bracket'],
    ['and', 'keyword'],
    ['true', 'keyword'],
    ['/* c */', 'comment'],
    ['~>', 'operator'],
    ['$match', 'function'],
    ['(', 'bracket'],
    ['/ab\\/c/i', 'regex'],
    [')', 'bracket'],
  ]);
  // After an operand, / divides.
  expect(kinds('a / 2').map((k) => k[1])).toEqual(['name', 'operator', 'number']);
});

it('never throws on unfinished or odd text', () => {
  expect(kinds('"open')).toEqual([['"open', 'string']]);
  expect(kinds('/* open')).toEqual([['/* open', 'comment']]);
  expect(kinds('`a b`.c').map((k) => k[1])).toEqual(['name', 'operator', 'name']);
  expect(kinds('😀')).toEqual([['😀', 'name']]);
  expect(tokenize('')).toEqual([]);
});
