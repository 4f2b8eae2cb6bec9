// Fail: the error name and the explanation the workflow stops with, each typed here or (in
// JSONPath states) read from a field of the input (ErrorPath / CausePath).
import { useForm } from './context';
import { PathField, Section, TextField } from './fields';
import { SourceField } from './SourceField';
import { CAUSE_SOURCE, ERROR_SOURCE } from './sources';

export function FailForm() {
  const { language } = useForm();
  const jsonata = language === 'JSONata';
  const error = <TextField field="Error" label="Error name" expression={jsonata} placeholder="OrderRejected" hint="A short name callers can catch, like OrderRejected." />;
  const cause = <TextField field="Cause" label="Explanation" expression={jsonata} placeholder="The card was declined." hint="Why the workflow failed, in a sentence." />;
  if (jsonata)
    return (
      <Section title="How the workflow fails">
        {error}
        {cause}
      </Section>
    );
  return (
    <Section title="How the workflow fails">
      <SourceField
        pair={ERROR_SOURCE}
        label="Error name comes from"
        fixedLabel="Typed here"
        fixed={error}
        path={<PathField field="ErrorPath" label="Error name field" required hint="The input field holding the error name, like $.error." />}
      />
      <SourceField
        pair={CAUSE_SOURCE}
        label="Explanation comes from"
        fixedLabel="Typed here"
        fixed={cause}
        path={<PathField field="CausePath" label="Explanation field" required hint="The input field holding the explanation, like $.cause." />}
      />
    </Section>
  );
}
