// The "Input and output" group: JSONPath fields (InputPath, Parameters, ResultSelector,
// ResultPath, OutputPath) or, in a JSONata state, Arguments, Output and Assign instead.
import { fieldEdit, useForm } from './context';
import { FieldShell, JsonField, PathField, Section, valueAt } from './fields';
import { dataFields, type DataField } from './language';

export function DataFields({ type }: { type: string }) {
  const { language } = useForm();
  const fields = dataFields(type, language);
  if (fields.length === 0) return null;
  return (
    <Section title={language === 'JSONata' ? 'Input and output (JSONata)' : 'Input and output'} open={language === 'JSONata'}>
      {fields.map((f) => (
        <DataFieldInput key={f.name} field={f} />
      ))}
    </Section>
  );
}

function DataFieldInput({ field }: { field: DataField }) {
  switch (field.kind) {
    case 'path':
      return <PathField field={field.name} label={field.label} hint={field.hint} placeholder="$" />;
    case 'json':
      return <JsonField field={field.name} label={field.label} hint={field.hint} rows={field.name === 'Assign' ? 2 : 3} />;
    case 'resultPath':
      return <ResultPathField field={field.name} label={field.label} hint={field.hint} />;
  }
}

/** ResultPath: a path, or null ("discard the result, keep the input"). */
export function ResultPathField({ field, label, hint, scope }: { field: string; label: string; hint: string; scope?: string }) {
  const { state, pointer, write } = useForm();
  const discarded = valueAt(state, field) === null;
  return (
    <>
      {discarded ? (
        <FieldShell label={label} scope={scope} error={null} field={field} hint="The result is discarded: the step passes its input on unchanged.">
          {(a11y) => <input {...a11y} value="(discard the result)" readOnly />}
        </FieldShell>
      ) : (
        <PathField field={field} label={label} scope={scope} hint={hint} placeholder="$" />
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={discarded}
          onChange={(e) => write([fieldEdit(pointer, field, e.target.checked ? null : undefined)])}
        />
        Discard the result{scope ? ` (${scope})` : ''}
      </label>
    </>
  );
}
