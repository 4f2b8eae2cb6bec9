// Checks a form field's text as it is typed, before anything is written to the definition:
// numbers and their ranges, JSON, JSONPath, timestamps. Each check returns a plain-words
// message, or null when the text is fine. Pure functions (tested in checks.test.ts).

/** What a JSON field's text means: a value to write, nothing (empty), or why it cannot be read. */
export type JsonText = { kind: 'value'; value: unknown } | { kind: 'empty' } | { kind: 'error'; message: string };

/** Reads a number field; `null` when empty. */
export function readNumber(
  text: string,
  opts: { integer?: boolean; min?: number; max?: number } = {},
): { value: number | null; error: string | null } {
  const t = text.trim();
  if (t === '') return { value: null, error: null };
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { value: null, error: 'Type a number, like 5.' };
  const n = Number(t);
  if (opts.integer && !Number.isInteger(n)) return { value: null, error: 'Type a whole number (no decimals).' };
  if (opts.min !== undefined && n < opts.min) return { value: null, error: `Must be at least ${opts.min}.` };
  if (opts.max !== undefined && n > opts.max) return { value: null, error: `Must be at most ${opts.max}.` };
  return { value: n, error: null };
}

/**
 * Reads a JSON field. Text starting with `{%` is taken as one JSONata expression (no quotes
 * needed), so people can type `{% $states.input.total %}` as they see it in AWS's examples.
 */
export function readJson(text: string): JsonText {
  const t = text.trim();
  if (t === '') return { kind: 'empty' };
  if (t.startsWith('{%')) return { kind: 'value', value: t };
  try {
    return { kind: 'value', value: JSON.parse(t) as unknown };
  } catch (e) {
    return { kind: 'error', message: jsonMessage(t, e) };
  }
}

/** A JSON parse error in plain words, with the line and column where it broke when known. */
function jsonMessage(text: string, e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const at = /position (\d+)/.exec(raw);
  if (at) {
    const offset = Number(at[1]);
    const before = text.slice(0, offset).split('\n');
    return `This is not valid JSON: the problem is at line ${before.length}, column ${before[before.length - 1].length + 1}.`;
  }
  if (/end|unexpected EOF/i.test(raw)) return 'This is not valid JSON: it ends too early (a bracket, brace or quote is not closed).';
  return 'This is not valid JSON (check the quotes, commas and brackets).';
}

/** The text a JSON field starts with for `value` (a lone `{% %}` string is shown without quotes). */
export function jsonText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string' && value.startsWith('{%')) return value;
  return JSON.stringify(value, null, 2);
}

/** A JSONPath reference: `$` or `$$` then `.name`, `['name']` or `[0]` steps. */
export function checkPath(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  if (!t.startsWith('$')) return 'A path starts with $ (the input), like $.order.id.';
  if (/^\$\$?((\.[^.[\]\s]+)|(\[[^\]]*\])|(\.\.[^.[\]\s]+))*$/.test(t)) return null;
  if (/\s/.test(t.replace(/\[[^\]]*\]/g, ''))) return "A path has no spaces; use $['my field'] for a name with spaces.";
  return 'This path is not written right: use $.a.b or $.items[0].';
}

/** An ISO 8601 / RFC 3339 date and time, as Step Functions wants it. */
export function checkTimestamp(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(t))
    return 'Write the date and time like 2026-03-14T01:59:00Z (UTC) or 2026-03-14T02:59:00+01:00.';
  if (Number.isNaN(Date.parse(t))) return 'This date does not exist.';
  return null;
}

/** A `{% %}` value: whether `text` is meant as a JSONata expression. */
export function isExpression(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('{%');
}

/** Every `{% %}` string inside a JSON value, with its pointer relative to the value. */
export function expressionsIn(value: unknown, at = ''): { pointer: string; text: string }[] {
  if (typeof value === 'string') return value.startsWith('{%') ? [{ pointer: at, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => expressionsIn(v, `${at}/${i}`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => expressionsIn(v, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  return [];
}
