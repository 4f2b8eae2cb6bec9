// Task: what it calls (a service picked by name, an activity, or any ARN), how the workflow
// waits for it, and its time limits.
import type { FieldEdit } from '../../ipc/bindings';
import { fieldEdit, useForm } from './context';
import { FieldShell, NumberField, Section, TextField } from './fields';
import { ACTIVITY_EXAMPLE, PATTERNS, SERVICES, checkArn, readResource, resourceArn, type Pattern } from './resources';

export function TaskForm() {
  const { state, pointer, language, write } = useForm();
  const arn = typeof state.Resource === 'string' ? state.Resource : '';
  const choice = readResource(arn);
  const picked = choice.kind === 'service' ? choice.service.id : choice.kind;
  const argsField = language === 'JSONata' ? 'Arguments' : 'Parameters';

  const pickService = (id: string) => {
    const edits: FieldEdit[] = [];
    if (id === 'activity') edits.push(fieldEdit(pointer, 'Resource', ACTIVITY_EXAMPLE));
    else if (id === 'custom') edits.push(fieldEdit(pointer, 'Resource', 'arn:aws:lambda:us-east-1:123456789012:function:my-function'));
    else {
      const service = SERVICES.find((s) => s.id === id);
      if (!service) return;
      const pattern = choice.kind === 'service' ? choice.pattern : 'response';
      edits.push(fieldEdit(pointer, 'Resource', resourceArn(service, pattern, choice.kind === 'service' ? choice.partition : 'aws')));
      if (state[argsField] === undefined)
        edits.push(fieldEdit(pointer, argsField, language === 'JSONata' ? service.arguments : service.parameters));
    }
    write(edits);
  };

  const pickPattern = (pattern: Pattern) => {
    if (choice.kind !== 'service') return;
    write([fieldEdit(pointer, 'Resource', resourceArn(choice.service, pattern, choice.partition, choice.suffix))]);
  };

  return (
    <Section title="What this step does">
      <FieldShell label="Service" field="Resource" error={null} hint={choice.kind === 'service' ? arn : undefined}>
        {(a11y) => (
          <select {...a11y} value={picked} onChange={(e) => pickService(e.target.value)}>
            {SERVICES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
            <option value="activity">Activity: a worker of yours picks up the work</option>
            <option value="custom">Other: type the resource ARN</option>
          </select>
        )}
      </FieldShell>
      {choice.kind === 'service' && (
        <FieldShell label="How to wait" field="Resource-pattern" error={null}>
          {(a11y) => (
            <select {...a11y} value={choice.pattern} onChange={(e) => pickPattern(e.target.value as Pattern)}>
              {PATTERNS.filter((p) => choice.service.patterns.includes(p.id)).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
      )}
      {choice.kind !== 'service' && (
        <TextField
          field="Resource"
          label={choice.kind === 'activity' ? 'Activity ARN' : 'Resource ARN'}
          check={(t) => checkArn(t, choice.kind === 'activity' ? 'activity' : 'custom')}
          required
        />
      )}
      <NumberField
        field="TimeoutSeconds"
        label="Time limit (seconds)"
        hint="Fail with States.Timeout after this long (empty: 99999999)."
        integer
        min={1}
        max={99999999}
        expression={language === 'JSONata'}
      />
      <NumberField
        field="HeartbeatSeconds"
        label="Heartbeat (seconds)"
        hint="For callbacks and activities: fail if no heartbeat arrives this often."
        integer
        min={1}
        max={99999999}
        expression={language === 'JSONata'}
      />
    </Section>
  );
}
