// The query language: this state's own choice and the workflow's (the top-level
// `QueryLanguage`), which decide whether the forms show JSONPath or JSONata fields.
import { useForm } from './context';
import type { FieldEdit } from '../../ipc/bindings';
import { FieldShell, SelectField } from './fields';

const LANGUAGES = [
  { value: 'JSONPath', label: 'JSONPath (paths like $.order.id)' },
  { value: 'JSONata', label: 'JSONata (expressions in {% %})' },
];

export function LanguageFields({ topLevel }: { topLevel: string | undefined }) {
  const { write } = useForm();
  const setTop = (value: string) => {
    const edit: FieldEdit = value === '' ? { op: 'remove', pointer: '/QueryLanguage' } : { op: 'set', pointer: '/QueryLanguage', value };
    write([edit]);
  };
  return (
    <>
      <SelectField
        field="QueryLanguage"
        label="This step's language"
        hint="JSONata steps use Arguments and Output; JSONPath steps use Parameters and paths."
        unset={`Same as the workflow (${topLevel ?? 'JSONPath'})`}
        options={LANGUAGES}
      />
      <FieldShell label="Workflow's language" field="/QueryLanguage-top" error={null} hint="For every step that does not choose its own.">
        {(a11y) => (
          <select {...a11y} value={topLevel ?? ''} onChange={(e) => setTop(e.target.value)}>
            <option value="">JSONPath (the default)</option>
            {LANGUAGES.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
    </>
  );
}
