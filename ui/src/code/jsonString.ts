// JSON string literals as written in the text versus their decoded value: `decode` gives the value
// and, for each UTF-16 unit of it, where it starts in the literal, so a place found in the value
// (a JSONata token) can be marked in the text even after escapes such as \" or \u00e9.

export interface Decoded {
  value: string;
  /** `at[k]`: offset in the literal (quotes included) of unit `k` of the value; `at[value.length]` is the closing quote. */
  at: number[];
}

const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Decodes a JSON string literal (with its quotes); never throws on a broken one. */
export function decode(literal: string): Decoded {
  let value = '';
  const at: number[] = [];
  const end = literal.length > 1 && literal.endsWith('"') ? literal.length - 1 : literal.length;
  let i = literal.startsWith('"') ? 1 : 0;
  while (i < end) {
    const c = literal[i];
    if (c !== '\\') {
      at.push(i);
      value += c;
      i++;
      continue;
    }
    const e = literal[i + 1];
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(literal.slice(i + 2, i + 6))) {
      at.push(i);
      value += String.fromCharCode(parseInt(literal.slice(i + 2, i + 6), 16));
      i += 6;
    } else {
      at.push(i);
      value += e !== undefined ? (SIMPLE[e] ?? e) : '';
      i += 2;
    }
  }
  at.push(Math.min(i, literal.length));
  return { value, at };
}

/** `{% ... %}`: the value is a JSONata expression. */
export const isExpression = (value: string) => value.length >= 4 && value.startsWith('{%') && value.endsWith('%}');
