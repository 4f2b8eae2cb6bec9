// What every state form gets: the state, where it is, and one way to write fields back (the
// generic `fields` change: set or remove at a pointer, a lossless edit of the text).
import { createContext, useContext } from 'react';
import type { FieldEdit, Problem } from '../../ipc/bindings';
import type { Language } from './language';

export interface FormContext {
  /** The state's JSON pointer, like `/States/Pay`. */
  pointer: string;
  state: Record<string, unknown>;
  language: Language;
  /** Names of the states this one can go to. */
  siblings: string[];
  /** The validator's problems about this state. */
  problems: Problem[];
  /** Paths into the sample input, for suggestions. */
  paths: string[];
  /** Id of the `<datalist>` holding `paths`. */
  pathList: string;
  /** Every state name in the workflow (new states get a name not taken). */
  allNames: string[];
  write: (edits: FieldEdit[]) => void;
}

export const Form = createContext<FormContext | null>(null);

export function useForm(): FormContext {
  const ctx = useContext(Form);
  if (!ctx) throw new Error('useForm outside an inspector form');
  return ctx;
}

/** The pointer of `field` (a `/`-separated path of ASL names and indexes) inside the state. */
export function fieldPointer(statePointer: string, field: string): string {
  return `${statePointer}/${field
    .split('/')
    .map((t) => t.replace(/~/g, '~0'))
    .join('/')}`;
}

/** Problems whose pointer is the field's or inside it. */
export function problemsAt(problems: Problem[], pointer: string): Problem[] {
  return problems.filter((p) => p.pointer === pointer || (p.pointer?.startsWith(`${pointer}/`) ?? false));
}

/** Sets `field` of the state to `value`, or removes it when `value` is undefined. */
export function fieldEdit(statePointer: string, field: string, value: unknown): FieldEdit {
  const pointer = fieldPointer(statePointer, field);
  return value === undefined ? { op: 'remove', pointer } : { op: 'set', pointer, value };
}

/** Adds `item` at the end of the list `field` of the state, starting the list when there is none. */
export function appendEdit(statePointer: string, state: Record<string, unknown>, field: string, item: unknown): FieldEdit {
  return Array.isArray(state[field]) ? fieldEdit(statePointer, `${field}/-`, item) : fieldEdit(statePointer, field, [item]);
}
