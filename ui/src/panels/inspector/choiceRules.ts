// The Choice rule builder's model: a rule as the form sees it (a comparison, All / Any / Not
// of rules, or a JSONata condition) and the translation to and from ASL JSON. Members the form
// does not know (Comment, Assign, Output, anything new) are kept as they are. Pure (tested in
// choiceRules.test.ts).

export type ValueKind = 'string' | 'number' | 'boolean' | 'timestamp' | 'path' | 'test';

export interface Operator {
  /** The ASL key, like `NumericGreaterThanEqualsPath`. */
  name: string;
  /** Plain words, like "is at least the field". */
  label: string;
  value: ValueKind;
}

const ORDERED: [string, string][] = [
  ['Equals', 'is equal to'],
  ['LessThan', 'is less than'],
  ['GreaterThan', 'is greater than'],
  ['LessThanEquals', 'is at most'],
  ['GreaterThanEquals', 'is at least'],
];
const TIME_WORDS: Record<string, string> = {
  Equals: 'is the same time as',
  LessThan: 'is before',
  GreaterThan: 'is after',
  LessThanEquals: 'is at or before',
  GreaterThanEquals: 'is at or after',
};
const TEXT_WORDS: Record<string, string> = {
  Equals: 'is',
  LessThan: 'comes before (A–Z)',
  GreaterThan: 'comes after (A–Z)',
  LessThanEquals: 'is or comes before',
  GreaterThanEquals: 'is or comes after',
};

function family(prefix: string, kind: ValueKind, words: Record<string, string>, what: string): Operator[] {
  return ORDERED.flatMap(([op, fallback]) => [
    { name: `${prefix}${op}`, label: `${what} ${words[op] ?? fallback}`, value: kind },
    { name: `${prefix}${op}Path`, label: `${what} ${words[op] ?? fallback} the field`, value: 'path' as ValueKind },
  ]);
}

const NUMBER_WORDS = Object.fromEntries(ORDERED);

/** Every comparison operator of ASL, grouped for the picker. */
export const OPERATORS: Operator[] = [
  ...family('String', 'string', TEXT_WORDS, 'text'),
  { name: 'StringMatches', label: 'text matches the pattern (* = anything)', value: 'string' },
  ...family('Numeric', 'number', NUMBER_WORDS, 'number'),
  { name: 'BooleanEquals', label: 'yes/no is', value: 'boolean' },
  { name: 'BooleanEqualsPath', label: 'yes/no is the same as the field', value: 'path' },
  ...family('Timestamp', 'timestamp', TIME_WORDS, 'date'),
  { name: 'IsPresent', label: 'is present', value: 'test' },
  { name: 'IsNull', label: 'is null', value: 'test' },
  { name: 'IsNumeric', label: 'is a number', value: 'test' },
  { name: 'IsString', label: 'is text', value: 'test' },
  { name: 'IsBoolean', label: 'is yes/no (boolean)', value: 'test' },
  { name: 'IsTimestamp', label: 'is a date and time', value: 'test' },
];

const BY_NAME = new Map(OPERATORS.map((o) => [o.name, o]));

export function operator(name: string): Operator | undefined {
  return BY_NAME.get(name);
}

export type Rule =
  | { kind: 'compare'; variable: string; operator: string; value: unknown }
  | { kind: 'and' | 'or'; rules: Rule[] }
  | { kind: 'not'; rule: Rule }
  | { kind: 'condition'; condition: string }
  /** A rule the builder cannot show (kept and edited as JSON). */
  | { kind: 'other'; json: Record<string, unknown> };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Members of a top-level choice that are not part of its rule. */
const CHOICE_OWN = new Set(['Next', 'Comment', 'Assign', 'Output']);

/** Reads the rule part of a rule object (a top-level choice's `Next`, `Comment`... ignored). */
export function readRule(json: unknown): Rule {
  if (!isObj(json)) return { kind: 'other', json: {} };
  const keys = Object.keys(json).filter((k) => !CHOICE_OWN.has(k));
  if (keys.length === 1 && keys[0] === 'Condition' && typeof json.Condition === 'string')
    return { kind: 'condition', condition: json.Condition };
  if (keys.length === 1 && (keys[0] === 'And' || keys[0] === 'Or') && Array.isArray(json[keys[0]]))
    return { kind: keys[0] === 'And' ? 'and' : 'or', rules: (json[keys[0]] as unknown[]).map(readRule) };
  if (keys.length === 1 && keys[0] === 'Not' && isObj(json.Not)) return { kind: 'not', rule: readRule(json.Not) };
  const ops = keys.filter((k) => BY_NAME.has(k));
  if (ops.length === 1 && keys.length === 2 && typeof json.Variable === 'string')
    return { kind: 'compare', variable: json.Variable, operator: ops[0], value: json[ops[0]] };
  const rule: Obj = {};
  for (const k of keys) rule[k] = json[k];
  return { kind: 'other', json: rule };
}

/** The ASL JSON of a rule (without `Next`). */
export function writeRule(rule: Rule): Obj {
  switch (rule.kind) {
    case 'compare':
      return { Variable: rule.variable, [rule.operator]: rule.value };
    case 'and':
      return { And: rule.rules.map(writeRule) };
    case 'or':
      return { Or: rule.rules.map(writeRule) };
    case 'not':
      return { Not: writeRule(rule.rule) };
    case 'condition':
      return { Condition: rule.condition };
    case 'other':
      return rule.json;
  }
}

/**
 * A top-level choice with its rule replaced: `Next` and the other members the rule does not
 * own stay, in their place first so the edit keeps their text.
 */
export function withRule(choice: unknown, rule: Rule): Obj {
  const out: Obj = {};
  const kept = isObj(choice) ? choice : {};
  for (const [k, v] of Object.entries(writeRule(rule))) out[k] = v;
  for (const k of Object.keys(kept)) if (CHOICE_OWN.has(k)) out[k] = kept[k];
  return out;
}

/** A new comparison to start from: the first suggested field, "is present". */
export function newComparison(variable: string): Rule {
  return { kind: 'compare', variable, operator: 'IsPresent', value: true };
}

/** The default value for `op` when the operator changes (keeps the old one when it still fits). */
export function valueFor(op: string, previous: unknown): unknown {
  const kind = operator(op)?.value;
  switch (kind) {
    case 'string':
    case 'timestamp':
      return typeof previous === 'string' && !previous.startsWith('$') ? previous : '';
    case 'path':
      return typeof previous === 'string' && previous.startsWith('$') ? previous : '$.';
    case 'number':
      return typeof previous === 'number' ? previous : 0;
    case 'boolean':
    case 'test':
      return typeof previous === 'boolean' ? previous : true;
    default:
      return previous;
  }
}

/** Reads the value box's text for `op`: the JSON value, or why it cannot be used. */
export function readValue(op: string, text: string): { value: unknown; error: string | null } {
  const kind = operator(op)?.value;
  switch (kind) {
    case 'number': {
      const t = text.trim();
      if (t === '' || Number.isNaN(Number(t))) return { value: null, error: 'Type a number to compare with.' };
      return { value: Number(t), error: null };
    }
    case 'boolean':
    case 'test':
      return { value: text === 'true', error: null };
    case 'timestamp':
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text.trim())
        ? { value: text.trim(), error: null }
        : { value: null, error: 'Write the date and time like 2026-03-14T01:59:00Z.' };
    case 'path':
      return text.trim().startsWith('$')
        ? { value: text.trim(), error: null }
        : { value: null, error: 'A field starts with $, like $.order.total.' };
    default:
      return { value: text, error: null };
  }
}

/** A rule in one line of plain words, for a collapsed rule's caption. */
export function describeRule(rule: Rule): string {
  switch (rule.kind) {
    case 'compare': {
      const op = operator(rule.operator);
      const value = op?.value === 'test' ? (rule.value === false ? ' — no' : '') : ` ${JSON.stringify(rule.value)}`;
      return `${rule.variable} ${op?.label ?? rule.operator}${value}`;
    }
    case 'and':
      return rule.rules.length === 0 ? 'all of (none yet)' : rule.rules.map(describeRule).map((s) => `(${s})`).join(' and ');
    case 'or':
      return rule.rules.length === 0 ? 'any of (none yet)' : rule.rules.map(describeRule).map((s) => `(${s})`).join(' or ');
    case 'not':
      return `not (${describeRule(rule.rule)})`;
    case 'condition':
      return rule.condition;
    case 'other':
      return JSON.stringify(rule.json);
  }
}
