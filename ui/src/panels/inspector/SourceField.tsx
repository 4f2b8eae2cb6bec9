// A value given either as it is or read from a field of the input (JSONPath states): a picker
// of the two ways, then the field for the way chosen. Switching removes the other member in the
// same change (see sources.ts), so the state never holds both.
import type { ReactNode } from 'react';
import { useForm } from './context';
import { FieldShell } from './fields';
import { sourceOf, switchSource, type SourcePair } from './sources';

interface Props {
  pair: SourcePair;
  /** Names the picker, like "Error name comes from". */
  label: string;
  fixedLabel: string;
  /** The field for the fixed value. */
  fixed: ReactNode;
  /** The path field. */
  path: ReactNode;
}

export function SourceField({ pair, label, fixedLabel, fixed, path }: Props) {
  const { state, pointer, write } = useForm();
  const source = sourceOf(state, pair);
  return (
    <>
      <FieldShell label={label} field={`${pair.fixed}-source`} error={null}>
        {(a11y) => (
          <select {...a11y} value={source} onChange={(e) => write(switchSource(pointer, state, pair, e.target.value === 'path' ? 'path' : 'fixed'))}>
            <option value="fixed">{fixedLabel}</option>
            <option value="path">From a field of the input</option>
          </select>
        )}
      </FieldShell>
      {source === 'fixed' ? fixed : path}
    </>
  );
}
