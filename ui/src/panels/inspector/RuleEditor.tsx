// One Choice rule in plain words: a comparison (a field of the input, an operator, a value),
// All / Any / Not of rules (nested as deep as needed), or a JSONata condition. It edits the
// rule model of choiceRules.ts; the Choice form writes the result.
import { checkPath, isExpression, readJson } from './checks';
import { describeRule, newComparison, OPERATORS, operator, readValue, valueFor, type Rule } from './choiceRules';
import { useForm } from './context';
import { FieldShell, useJsonataCheck } from './fields';
import { useDraft } from './draft';

interface Props {
  rule: Rule;
  /** How the rule is named to assistive technology, like `rule 2` or `rule 2.1`. */
  scope: string;
  /** The rule's field path inside the state, for the validator's problems. */
  field: string;
  onChange: (rule: Rule) => void;
}

const GROUPS: [string, (name: string) => boolean][] = [
  ['Text', (n) => n.startsWith('String')],
  ['Number', (n) => n.startsWith('Numeric')],
  ['Yes/no', (n) => n.startsWith('Boolean')],
  ['Date and time', (n) => n.startsWith('Timestamp')],
  ['Type and presence', (n) => n.startsWith('Is')],
];

export function RuleEditor({ rule, scope, field, onChange }: Props) {
  const { paths } = useForm();
  const kind = rule.kind === 'condition' || rule.kind === 'other' ? rule.kind : rule.kind;
  const changeKind = (k: string) => {
    if (k === kind) return;
    const first = paths[0] ?? '$.field';
    if (k === 'compare') onChange(newComparison(first));
    else if (k === 'and' || k === 'or') onChange({ kind: k, rules: rule.kind === 'and' || rule.kind === 'or' ? rule.rules : [rule] });
    else if (k === 'not') onChange({ kind: 'not', rule });
  };
  return (
    <div className="rule">
      {rule.kind !== 'condition' && (
        <FieldShell label="Rule kind" scope={scope} field={`${field}-kind`} error={null}>
          {(a11y) => (
            <select {...a11y} value={kind} onChange={(e) => changeKind(e.target.value)}>
              <option value="compare">Compare a field</option>
              <option value="and">All of these are true (And)</option>
              <option value="or">Any of these is true (Or)</option>
              <option value="not">This is not true (Not)</option>
              {kind === 'other' && <option value="other">Written in JSON</option>}
            </select>
          )}
        </FieldShell>
      )}
      {rule.kind === 'compare' && <Comparison rule={rule} scope={scope} field={field} onChange={onChange} />}
      {rule.kind === 'condition' && <Condition rule={rule} scope={scope} field={field} onChange={onChange} />}
      {(rule.kind === 'and' || rule.kind === 'or') && (
        <div className="rule-children">
          {rule.rules.map((r, i) => (
            <div key={i} className="rule-child">
              <RuleEditor
                rule={r}
                scope={`${scope}.${i + 1}`}
                field={`${field}/${rule.kind === 'and' ? 'And' : 'Or'}/${i}`}
                onChange={(changed) => onChange({ ...rule, rules: rule.rules.map((x, j) => (j === i ? changed : x)) })}
              />
              <button
                type="button"
                className="remove"
                aria-label={`Remove condition ${scope}.${i + 1}`}
                onClick={() => onChange({ ...rule, rules: rule.rules.filter((_, j) => j !== i) })}
              >
                Remove
              </button>
            </div>
          ))}
          <button type="button" className="add" onClick={() => onChange({ ...rule, rules: [...rule.rules, newComparison(paths[0] ?? '$.field')] })}>
            Add a condition to {scope}
          </button>
        </div>
      )}
      {rule.kind === 'not' && (
        <div className="rule-children">
          <RuleEditor rule={rule.rule} scope={`${scope}.1`} field={`${field}/Not`} onChange={(changed) => onChange({ kind: 'not', rule: changed })} />
        </div>
      )}
      {rule.kind === 'other' && <OtherRule rule={rule} scope={scope} field={field} onChange={onChange} />}
    </div>
  );
}

type Compare = Extract<Rule, { kind: 'compare' }>;

function Comparison({ rule, scope, field, onChange }: { rule: Compare; scope: string; field: string; onChange: (r: Rule) => void }) {
  const { pathList } = useForm();
  const op = operator(rule.operator);
  return (
    <>
      <DraftInput
        label="Field"
        scope={scope}
        field={`${field}/Variable`}
        value={rule.variable}
        list={pathList}
        read={(t) => ({ value: t.trim(), error: checkPath(t) ?? (t.trim() === '' ? 'Pick the field to compare, like $.order.total.' : null) })}
        onCommit={(variable) => onChange({ ...rule, variable: String(variable) })}
      />
      <FieldShell label="Test" scope={scope} field={`${field}/${rule.operator}`} error={null}>
        {(a11y) => (
          <select {...a11y} value={rule.operator} onChange={(e) => onChange({ ...rule, operator: e.target.value, value: valueFor(e.target.value, rule.value) })}>
            {GROUPS.map(([group, member]) => (
              <optgroup key={group} label={group}>
                {OPERATORS.filter((o) => member(o.name)).map((o) => (
                  <option key={o.name} value={o.name}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </FieldShell>
      {op && (op.value === 'boolean' || op.value === 'test') ? (
        <FieldShell label={op.value === 'test' ? 'Is it?' : 'Value'} scope={scope} field={`${field}/${rule.operator}-value`} error={null}>
          {(a11y) => (
            <select {...a11y} value={rule.value === false ? 'false' : 'true'} onChange={(e) => onChange({ ...rule, value: e.target.value === 'true' })}>
              <option value="true">{op.value === 'test' ? 'Yes' : 'true (yes)'}</option>
              <option value="false">{op.value === 'test' ? 'No' : 'false (no)'}</option>
            </select>
          )}
        </FieldShell>
      ) : (
        <DraftInput
          label={op?.value === 'path' ? 'Other field' : 'Value'}
          scope={scope}
          field={`${field}/${rule.operator}`}
          value={typeof rule.value === 'string' ? rule.value : rule.value === undefined ? '' : JSON.stringify(rule.value)}
          list={op?.value === 'path' ? pathList : undefined}
          read={(t) => readValue(rule.operator, t)}
          onCommit={(value) => onChange({ ...rule, value })}
        />
      )}
    </>
  );
}

function Condition({ rule, scope, field, onChange }: { rule: Extract<Rule, { kind: 'condition' }>; scope: string; field: string; onChange: (r: Rule) => void }) {
  return (
    <DraftInput
      label="Condition"
      scope={scope}
      field={`${field}/Condition`}
      value={rule.condition}
      wide
      expression
      hint="A JSONata expression that is true or false, like {% $states.input.total > 100 %}."
      read={(t) => ({ value: t.trim(), error: isExpression(t.trim()) ? null : 'A condition is written between {% and %}.' })}
      onCommit={(condition) => onChange({ kind: 'condition', condition: String(condition) })}
    />
  );
}

function OtherRule({ rule, scope, field, onChange }: { rule: Extract<Rule, { kind: 'other' }>; scope: string; field: string; onChange: (r: Rule) => void }) {
  return (
    <DraftInput
      label="Rule (JSON)"
      scope={scope}
      field={field}
      wide
      value={JSON.stringify(rule.json)}
      hint={describeRule(rule)}
      read={(t) => {
        const r = readJson(t);
        if (r.kind !== 'value' || r.value === null || typeof r.value !== 'object') return { value: null, error: r.kind === 'error' ? r.message : 'A rule is a JSON object.' };
        return { value: r.value, error: null };
      }}
      onCommit={(json) => onChange({ kind: 'other', json: json as Record<string, unknown> })}
    />
  );
}

interface DraftProps {
  label: string;
  scope: string;
  field: string;
  value: string;
  list?: string;
  hint?: string;
  wide?: boolean;
  expression?: boolean;
  read: (text: string) => { value: unknown; error: string | null };
  onCommit: (value: unknown) => void;
}

function DraftInput({ label, scope, field, value, list, hint, wide, expression, read, onCommit }: DraftProps) {
  const [draft, setDraft] = useDraft(value);
  const result = read(draft);
  const jsonata = useJsonataCheck(expression && isExpression(draft.trim()) ? [draft.trim()] : []);
  const error = result.error ?? jsonata;
  const commit = () => error === null && draft !== value && onCommit(result.value);
  return (
    <FieldShell label={label} scope={scope} field={field} error={error} hint={hint} wide={wide}>
      {(a11y) => (
        <input
          {...a11y}
          value={draft}
          list={list}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
      )}
    </FieldShell>
  );
}
