// Fail: the error name and the explanation the workflow stops with.
import { useForm } from './context';
import { Section, TextField } from './fields';

export function FailForm() {
  const { language } = useForm();
  const jsonata = language === 'JSONata';
  return (
    <Section title="How the workflow fails">
      <TextField field="Error" label="Error name" expression={jsonata} placeholder="OrderRejected" hint="A short name callers can catch, like OrderRejected." />
      <TextField field="Cause" label="Explanation" expression={jsonata} placeholder="The card was declined." hint="Why the workflow failed, in a sentence." />
    </Section>
  );
}
