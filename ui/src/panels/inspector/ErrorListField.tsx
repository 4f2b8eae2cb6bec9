// `ErrorEquals` as a comma-separated list with AWS's error names suggested.
import { useId } from 'react';
import { fieldEdit, useForm } from './context';
import { ERROR_NAMES, errorListText, readErrorList } from './errorNames';
import { FieldShell, valueAt } from './fields';
import { useDraft } from './draft';

export function ErrorListField({ field, scope }: { field: string; scope: string }) {
  const { state } = useForm();
  const text = errorListText(valueAt(state, field));
  return <ErrorListDraft field={field} scope={scope} text={text} />;
}

function ErrorListDraft({ field, scope, text }: { field: string; scope: string; text: string }) {
  const { pointer, write } = useForm();
  const list = useId();
  const [draft, setDraft] = useDraft(text);
  const read = readErrorList(draft);
  const commit = () => read.error === null && draft !== text && write([fieldEdit(pointer, field, read.value)]);
  return (
    <FieldShell label="Errors" scope={scope} field={field} error={read.error} hint="Comma-separated, like States.Timeout, Lambda.ServiceException.">
      {(a11y) => (
        <>
          <input
            {...a11y}
            value={draft}
            list={list}
            spellCheck={false}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => e.key === 'Enter' && commit()}
          />
          <datalist id={list}>
            {ERROR_NAMES.map((e) => (
              <option key={e.name} value={e.name}>
                {e.meaning}
              </option>
            ))}
          </datalist>
        </>
      )}
    </FieldShell>
  );
}
