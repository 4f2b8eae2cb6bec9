// The form for one state: its type's own fields, then Retry and Catch where the type has them,
// the data fields of its query language, and the language itself. Sets up the form context
// every field reads (state, problems, suggestions) and writes through.
import { useId, useMemo, type ReactNode } from 'react';
import './inspector.css';
import type { FieldEdit, Problem } from '../../ipc/bindings';
import { CatchEditor } from './CatchEditor';
import { ChoiceForm } from './ChoiceForm';
import { Form, useForm, type FormContext } from './context';
import { DataFields } from './DataFields';
import { FailForm } from './FailForm';
import { inputPaths, readSample } from './inputPaths';
import { canRecover, effectiveLanguage } from './language';
import { LanguageFields } from './LanguageFields';
import { MapForm } from './MapForm';
import { ParallelForm } from './ParallelForm';
import { PassForm } from './PassForm';
import { RetryEditor } from './RetryEditor';
import { Section } from './fields';
import { TaskForm } from './TaskForm';
import { WaitForm } from './WaitForm';

interface Props {
  pointer: string;
  state: Record<string, unknown>;
  /** The whole definition (for the workflow's query language). */
  root: unknown;
  siblings: string[];
  problems: Problem[];
  /** The sample input's text (`NAME.input.json`), for field suggestions. */
  sampleInput: string | null;
  allNames: string[];
  write: (edits: FieldEdit[]) => void;
}

const OWN: Record<string, () => ReactNode> = {
  Task: () => <TaskForm />,
  Choice: () => <ChoiceForm />,
  Wait: () => <WaitForm />,
  Pass: () => <PassForm />,
  Map: () => <MapForm />,
  Parallel: () => <ParallelForm />,
  Fail: () => <FailForm />,
};

export function StateForm({ pointer, state, root, siblings, problems, sampleInput, allNames, write }: Props) {
  const pathList = useId();
  const paths = useMemo(() => inputPaths(readSample(sampleInput)), [sampleInput]);
  const language = effectiveLanguage(state, root);
  const type = typeof state.Type === 'string' ? state.Type : '';
  const ctx: FormContext = { pointer, state, language, siblings, problems, paths, pathList, allNames, write };
  const topLevel = root !== null && typeof root === 'object' ? (root as Record<string, unknown>).QueryLanguage : undefined;
  return (
    <Form.Provider value={ctx}>
      <datalist id={pathList}>
        {paths.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <StepProblems />
      {OWN[type]?.()}
      {canRecover(type) && <RetryEditor />}
      {canRecover(type) && <CatchEditor />}
      <DataFields type={type} />
      <Section title="Query language" open={false}>
        <LanguageFields topLevel={typeof topLevel === 'string' ? topLevel : undefined} />
      </Section>
    </Form.Provider>
  );
}

/** The validator's problems about the step as a whole (not about one of its fields). */
function StepProblems() {
  const { pointer, problems } = useForm();
  const own = problems.filter((p) => p.pointer === pointer);
  if (own.length === 0) return null;
  return (
    <ul className="step-problems" aria-label="Problems with this step">
      {own.map((p, i) => (
        <li key={i} className={`field-problem ${p.severity}`}>
          {p.message}
          {p.hint && <span className="field-hint"> {p.hint}</span>}
        </li>
      ))}
    </ul>
  );
}
