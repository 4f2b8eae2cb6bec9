// Wait: a number of seconds, until a date and time, or either one read from a field of the
// input. Switching how to wait removes the other fields in the same change.
import { checkTimestamp } from './checks';
import { fieldEdit, useForm } from './context';
import { FieldShell, NumberField, PathField, Section, TextField } from './fields';
import { WAIT_MODES as MODES, waitMode } from './waitModes';

export function WaitForm() {
  const { state, pointer, language, write } = useForm();
  const mode = waitMode(state);
  const modes = language === 'JSONata' ? MODES.filter((m) => !m.path) : MODES;
  const pick = (field: string) => {
    const m = MODES.find((x) => x.field === field);
    if (!m || field === mode) return;
    write([...MODES.filter((x) => x.field !== field).map((x) => fieldEdit(pointer, x.field, undefined)), fieldEdit(pointer, field, m.start)]);
  };
  return (
    <Section title="How long to wait">
      <FieldShell label="Wait for" field="wait-mode" error={null}>
        {(a11y) => (
          <select {...a11y} value={mode} onChange={(e) => pick(e.target.value)}>
            {modes.map((m) => (
              <option key={m.field} value={m.field}>
                {m.label}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      {mode === 'Seconds' && (
        <NumberField field="Seconds" label="Seconds" integer min={0} max={99999999} expression={language === 'JSONata'} hint="How many seconds to wait." />
      )}
      {mode === 'Timestamp' && (
        <TextField
          field="Timestamp"
          label="Until"
          check={checkTimestamp}
          expression={language === 'JSONata'}
          required
          hint="Like 2026-03-14T01:59:00Z (UTC)."
        />
      )}
      {mode === 'SecondsPath' && <PathField field="SecondsPath" label="Seconds field" required hint="The input field holding the seconds, like $.delay." />}
      {mode === 'TimestampPath' && <PathField field="TimestampPath" label="Date field" required hint="The input field holding the date, like $.until." />}
    </Section>
  );
}
