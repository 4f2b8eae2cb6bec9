// Retry: each retrier (which errors, how long between tries, how many tries, how the wait
// grows, its cap and jitter), added and removed as whole entries.
import { appendEdit, fieldEdit, useForm } from './context';
import { ErrorListField } from './ErrorListField';
import { NumberField, Section, SelectField } from './fields';

export const NEW_RETRIER = { ErrorEquals: ['States.ALL'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 };

export function RetryEditor() {
  const { state, pointer, write } = useForm();
  const retry = Array.isArray(state.Retry) ? state.Retry : [];
  const add = () => write([appendEdit(pointer, state, 'Retry', NEW_RETRIER)]);
  const remove = (i: number) => write([fieldEdit(pointer, retry.length === 1 ? 'Retry' : `Retry/${i}`, undefined)]);
  return (
    <Section title={`Retry on error${retry.length ? ` (${retry.length})` : ''}`}>
      {retry.map((_, i) => {
        const scope = `retry ${i + 1}`;
        const at = `Retry/${i}`;
        return (
          <fieldset key={i} className="entry">
            <legend>Retry {i + 1}</legend>
            <ErrorListField field={`${at}/ErrorEquals`} scope={scope} />
            <NumberField field={`${at}/IntervalSeconds`} label="First wait (seconds)" scope={scope} integer min={1} max={99999999} placeholder="1" />
            <NumberField field={`${at}/MaxAttempts`} label="Most attempts" scope={scope} integer min={0} max={99999999} placeholder="3" hint="0 means never retry." />
            <NumberField field={`${at}/BackoffRate`} label="Multiply the wait by" scope={scope} min={1} placeholder="2" />
            <NumberField field={`${at}/MaxDelaySeconds`} label="Longest wait (seconds)" scope={scope} integer min={1} max={31622400} />
            <SelectField
              field={`${at}/JitterStrategy`}
              label="Jitter"
              scope={scope}
              unset="None (the default)"
              options={[
                { value: 'FULL', label: 'Full: random waits, so retries spread out' },
                { value: 'NONE', label: 'None' },
              ]}
            />
            <button type="button" className="remove" onClick={() => remove(i)} aria-label={`Remove retry ${i + 1}`}>
              Remove
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="add" onClick={add}>
        Add a retry
      </button>
    </Section>
  );
}
