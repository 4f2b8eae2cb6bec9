// Map: which items to process, how many at once, how many may fail, and the processing mode.
import { useForm } from './context';
import { JsonField, NumberField, PathField, Section, SelectField, valueAt } from './fields';

export function MapForm() {
  const { state, language } = useForm();
  const jsonata = language === 'JSONata';
  const distributed = valueAt(state, 'ItemProcessor/ProcessorConfig/Mode') === 'DISTRIBUTED';
  return (
    <Section title="Items to process">
      {jsonata ? (
        <JsonField field="Items" label="Items (JSON array or {% %} expression)" hint="The list to process, like {% $states.input.orders %}." />
      ) : (
        <PathField field="ItemsPath" label="Items field" placeholder="$" hint="The input field holding the list, like $.orders (empty: the whole input)." />
      )}
      <NumberField field="MaxConcurrency" label="At most at once" integer min={0} expression={jsonata} hint="How many items run at the same time (0 or empty: as many as possible)." />
      <NumberField field="ToleratedFailureCount" label="Failures allowed (count)" integer min={0} expression={jsonata} hint="How many items may fail before the whole step fails." />
      <NumberField field="ToleratedFailurePercentage" label="Failures allowed (%)" min={0} max={100} expression={jsonata} hint="The share of items that may fail (0 to 100)." />
      <SelectField
        field="ItemProcessor/ProcessorConfig/Mode"
        label="Mode"
        unset="Inline (the default)"
        options={[
          { value: 'INLINE', label: 'Inline: items run inside this workflow (up to 40 at once)' },
          { value: 'DISTRIBUTED', label: 'Distributed: each item is a child workflow (large lists)' },
        ]}
      />
      {distributed && (
        <SelectField
          field="ItemProcessor/ProcessorConfig/ExecutionType"
          label="Child workflow type"
          unset="Choose one (required)"
          hint="Express: fast and short (up to 5 minutes); Standard: long-running, exactly once."
          options={[
            { value: 'EXPRESS', label: 'Express' },
            { value: 'STANDARD', label: 'Standard' },
          ]}
        />
      )}
      <JsonField
        field="ItemSelector"
        label="Each item's input (JSON)"
        hint={jsonata ? 'Like {"order": "{% $states.context.Map.Item.Value %}"}.' : 'Like {"order.$": "$$.Map.Item.Value"}.'}
      />
    </Section>
  );
}
