// Pass: a fixed result to pass on (JSONPath states; JSONata states shape it with Output).
import { useForm } from './context';
import { JsonField, Section } from './fields';

export function PassForm() {
  const { language } = useForm();
  if (language === 'JSONata') return null;
  return (
    <Section title="What this step passes on">
      <JsonField field="Result" label="Fixed result (JSON)" hint='A value to pass on instead of the input, like {"status": "ok"}; empty passes the input on.' />
    </Section>
  );
}
