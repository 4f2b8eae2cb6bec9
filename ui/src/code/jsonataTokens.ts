// A small JSONata tokenizer for highlighting `{% ... %}` expressions in the code pane. It only
// colours text: whether the expression is valid is the core validator's verdict (shown as lint
// diagnostics), so it never rejects input; unknown characters become `error` tokens and an
// unfinished string or comment runs to the end.

export type JsonataTokenType =
  | 'operator'
  | 'function'
  | 'states'
  | 'variable'
  | 'string'
  | 'number'
  | 'keyword'
  | 'name'
  | 'comment'
  | 'regex'
  | 'bracket'
  | 'error';

export interface JsonataToken {
  from: number;
  to: number;
  type: JsonataTokenType;
}

const OPERATORS = ['..', ':=', '!=', '<=', '>=', '~>', '**', '??', '?:', '.', ',', ';', ':', '?', '+', '-', '*', '/', '%', '|', '=', '<', '>', '^', '&', '!', '~', '@', '#'];
const BRACKETS = '()[]{}';
const KEYWORDS = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function']);
const NOT_NAME = /[\s()[\]{}.,;:?+\-*/%|=<>^&!~@#$"'`]/;

/** Tokens of `text` (offsets in UTF-16 units of `text`). */
export function tokenize(text: string): JsonataToken[] {
  const out: JsonataToken[] = [];
  let i = 0;
  const push = (from: number, to: number, type: JsonataTokenType) => out.push({ from, to, type });
  // A `/` starts a regular expression where an operand is expected.
  const operandExpected = () => {
    const last = out[out.length - 1];
    if (!last) return true;
    if (last.type === 'bracket') return !')]}'.includes(text[last.from]);
    if (last.type === 'operator') return true;
    if (last.type === 'keyword') return ['and', 'or', 'in'].includes(text.slice(last.from, last.to));
    return false;
  };
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const to = end < 0 ? text.length : end + 2;
      push(i, to, 'comment');
      i = to;
      continue;
    }
    if (c === '/' && operandExpected()) {
      let j = i + 1;
      while (j < text.length && text[j] !== '/') j += text[j] === '\\' ? 2 : 1;
      j = Math.min(j + 1, text.length);
      while (j < text.length && /[im]/.test(text[j])) j++;
      push(i, j, 'regex');
      i = j;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      j = Math.min(j + 1, text.length);
      push(i, j, 'string');
      i = j;
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      const to = end < 0 ? text.length : end + 1;
      push(i, to, 'name');
      i = to;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i));
      const to = i + (m?.[0].length ?? 1);
      push(i, to, 'number');
      i = to;
      continue;
    }
    if (BRACKETS.includes(c)) {
      push(i, i + 1, 'bracket');
      i++;
      continue;
    }
    if (c === '$') {
      let j = i + 1;
      if (text[j] === '$') j++;
      else while (j < text.length && !NOT_NAME.test(text[j])) j++;
      const name = text.slice(i, j);
      let k = j;
      while (k < text.length && /\s/.test(text[k])) k++;
      push(i, j, name === '$states' ? 'states' : text[k] === '(' ? 'function' : 'variable');
      i = j;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      push(i, i + op.length, 'operator');
      i += op.length;
      continue;
    }
    if (!NOT_NAME.test(c)) {
      let j = i;
      while (j < text.length && !NOT_NAME.test(text[j])) j++;
      push(i, j, KEYWORDS.has(text.slice(i, j)) ? 'keyword' : 'name');
      i = j;
      continue;
    }
    push(i, i + 1, 'error');
    i++;
  }
  return out;
}
