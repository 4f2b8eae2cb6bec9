// Fail: the error name and the explanation the workflow stops with, each typed here or (in
// JSONPath states) read from a field of the input or built by a function (ErrorPath / CausePath).
import { useForm } from './context';
import { checkPathOrIntrinsic } from './checks';
import { Section, TextField } from './fields';
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
        path={<FromInput field="ErrorPath" label="Error name field" hint="The input field holding the error name, like $.error, or a function like States.Format('{}Error', $.kind)." />}
      />
      <SourceField
        pair={CAUSE_SOURCE}
        label="Explanation comes from"
        fixedLabel="Typed here"
        fixed={cause}
        path={<FromInput field="CausePath" label="Explanation field" hint="The input field holding the explanation, like $.cause, or a function like States.Format('Order {} failed', $.id)." />}
      />
    </Section>
  );
}

/** ErrorPath / CausePath: a path (suggested from the sample input) or an intrinsic function. */
function FromInput({ field, label, hint }: { field: string; label: string; hint: string }) {
  const { pathList } = useForm();
  return <TextField field={field} label={label} hint={hint} check={checkPathOrIntrinsic} list={pathList} required />;
}
