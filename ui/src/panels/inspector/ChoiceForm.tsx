// Choice: the rules in order (each one built in the rule builder, with where it goes) and the
// default. Each rule is written back whole; unchanged members keep their text (lossless edit).
import { readRule, withRule, type Rule } from './choiceRules';
import { appendEdit, fieldEdit, problemsAt, fieldPointer, useForm } from './context';
import { FieldShell, Section } from './fields';
import { RuleEditor } from './RuleEditor';

export function ChoiceForm() {
  const { state, pointer, siblings, language, paths, problems, write } = useForm();
  const choices = Array.isArray(state.Choices) ? (state.Choices as unknown[]) : [];
  const setRule = (i: number, rule: Rule) => write([fieldEdit(pointer, `Choices/${i}`, withRule(choices[i], rule))]);
  const add = () => {
    const rule =
      language === 'JSONata'
        ? { Condition: '{% true %}', Next: siblings[0] ?? '' }
        : { Variable: paths[0] ?? '$.field', IsPresent: true, Next: siblings[0] ?? '' };
    write([appendEdit(pointer, state, 'Choices', rule)]);
  };
  const remove = (i: number) => write([fieldEdit(pointer, `Choices/${i}`, undefined)]);
  const move = (i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= choices.length) return;
    const order = choices.slice();
    [order[i], order[j]] = [order[j], order[i]];
    write([fieldEdit(pointer, 'Choices', order)]);
  };
  return (
    <Section title={`Rules (checked in order, the first true one wins)`}>
      {choices.map((c, i) => {
        const scope = `rule ${i + 1}`;
        const next = (c as Record<string, unknown> | null)?.Next;
        const own = problemsAt(problems, fieldPointer(pointer, `Choices/${i}`)).filter((p) => p.pointer === fieldPointer(pointer, `Choices/${i}`));
        return (
          <fieldset key={i} className="entry rule-entry">
            <legend>Rule {i + 1}</legend>
            <RuleEditor rule={readRule(c)} scope={scope} field={`Choices/${i}`} onChange={(r) => setRule(i, r)} />
            <GoTo label="Then go to" scope={scope} field={`Choices/${i}/Next`} value={typeof next === 'string' ? next : ''} />
            {own.map((p, k) => (
              <p key={k} className={`field-problem ${p.severity}`}>
                {p.message}
              </p>
            ))}
            <div className="entry-actions">
              <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move rule ${i + 1} up`}>
                ↑
              </button>
              <button type="button" onClick={() => move(i, 1)} disabled={i === choices.length - 1} aria-label={`Move rule ${i + 1} down`}>
                ↓
              </button>
              <button type="button" className="remove" onClick={() => remove(i)} aria-label={`Remove rule ${i + 1}`}>
                Remove
              </button>
            </div>
          </fieldset>
        );
      })}
      <button type="button" className="add" onClick={add}>
        Add a rule
      </button>
      <GoTo label="Otherwise go to" field="Default" value={typeof state.Default === 'string' ? state.Default : ''} unset="No default: fail with States.NoChoiceMatched" />
    </Section>
  );
}

function GoTo({ label, scope, field, value, unset }: { label: string; scope?: string; field: string; value: string; unset?: string }) {
  const { pointer, siblings, write } = useForm();
  return (
    <FieldShell label={label} scope={scope} field={field} error={null}>
      {(a11y) => (
        <select {...a11y} value={value} onChange={(e) => write([fieldEdit(pointer, field, e.target.value === '' ? undefined : e.target.value)])}>
          {(unset !== undefined || value === '') && <option value="">{unset ?? 'Choose a step'}</option>}
          {siblings.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
          {value !== '' && !siblings.includes(value) && <option value={value}>{value} (does not exist)</option>}
        </select>
      )}
    </FieldShell>
  );
}
