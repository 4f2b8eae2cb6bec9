// Catch: each catcher (which errors, where to go, where the error goes: ResultPath in JSONPath
// states, Output in JSONata ones).
import { appendEdit, fieldEdit, useForm } from './context';
import { ResultPathField } from './DataFields';
import { ErrorListField } from './ErrorListField';
import { FieldShell, JsonField, Section, valueAt } from './fields';

export function CatchEditor() {
  const { state, pointer, siblings, language, write } = useForm();
  const catches = Array.isArray(state.Catch) ? state.Catch : [];
  const add = () => {
    const catcher = { ErrorEquals: ['States.ALL'], Next: siblings[0] ?? '' };
    write([appendEdit(pointer, state, 'Catch', catcher)]);
  };
  const remove = (i: number) => write([fieldEdit(pointer, catches.length === 1 ? 'Catch' : `Catch/${i}`, undefined)]);
  return (
    <Section title={`Catch errors${catches.length ? ` (${catches.length})` : ''}`}>
      {catches.map((_, i) => {
        const scope = `catch ${i + 1}`;
        const at = `Catch/${i}`;
        const next = valueAt(state, `${at}/Next`);
        return (
          <fieldset key={i} className="entry">
            <legend>Catch {i + 1}</legend>
            <ErrorListField field={`${at}/ErrorEquals`} scope={scope} />
            <FieldShell label="Then go to" scope={scope} field={`${at}/Next`} error={null}>
              {(a11y) => (
                <select {...a11y} value={typeof next === 'string' ? next : ''} onChange={(e) => write([fieldEdit(pointer, `${at}/Next`, e.target.value)])}>
                  {siblings.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                  {typeof next === 'string' && !siblings.includes(next) && <option value={next}>{next} (does not exist)</option>}
                </select>
              )}
            </FieldShell>
            {language === 'JSONata' ? (
              <JsonField field={`${at}/Output`} label="Output (JSON or {% %} expression)" scope={scope} hint="Like {% $states.errorOutput %}." />
            ) : (
              <ResultPathField field={`${at}/ResultPath`} label="Put the error at" scope={scope} hint="Like $.error; empty replaces the input with the error." />
            )}
            <button type="button" className="remove" onClick={() => remove(i)} aria-label={`Remove catch ${i + 1}`}>
              Remove
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="add" onClick={add}>
        Add a catch
      </button>
    </Section>
  );
}
