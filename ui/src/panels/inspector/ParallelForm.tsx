// Parallel: its branches, a button that adds one (a branch with a single Pass step, named so
// that no other step in the workflow has that name), and removing one after a question naming
// how many steps go with it. The last branch cannot be removed (a Parallel needs one).
import { useState } from 'react';
import { removeBranchQuestion } from './branches';
import { appendEdit, fieldEdit, useForm } from './context';
import { Section } from './fields';
import { freshName } from './names';

export function ParallelForm() {
  const { state, pointer, allNames, write } = useForm();
  const branches = Array.isArray(state.Branches) ? (state.Branches as Record<string, unknown>[]) : [];
  // The branch being asked about, with the branch list it was asked for (a change elsewhere drops the question).
  const [asking, setAsking] = useState<{ index: number; of: unknown[] } | null>(null);
  const question = asking !== null && asking.of === state.Branches ? asking.index : null;
  const add = () => {
    const name = freshName(`Branch ${branches.length + 1} step`, allNames);
    const branch = { StartAt: name, States: { [name]: { Type: 'Pass', End: true } } };
    write([appendEdit(pointer, state, 'Branches', branch)]);
  };
  const remove = (i: number) => {
    setAsking(null);
    write([fieldEdit(pointer, `Branches/${i}`, undefined)]);
  };
  return (
    <Section title="Branches (run at the same time)">
      <ul className="branch-list">
        {branches.map((b, i) => (
          <li key={i}>
            <span>
              Branch {i + 1}: starts at “{typeof b?.StartAt === 'string' ? b.StartAt : '?'}”, {Object.keys((b?.States as object) ?? {}).length} step(s)
            </span>
            {question === i ? (
              <span className="confirm" role="group" aria-label={`Remove branch ${i + 1}?`}>
                <span role="alert">{removeBranchQuestion(i, b)}</span>
                <button type="button" className="remove" onClick={() => remove(i)}>
                  Remove branch {i + 1}
                </button>
                <button type="button" onClick={() => setAsking(null)}>
                  Keep it
                </button>
              </span>
            ) : (
              branches.length > 1 && (
                <button type="button" className="remove" aria-label={`Remove branch ${i + 1}…`} onClick={() => setAsking({ index: i, of: state.Branches as unknown[] })}>
                  Remove…
                </button>
              )
            )}
          </li>
        ))}
        {branches.length === 0 && <li>No branches yet.</li>}
      </ul>
      <button type="button" className="add" onClick={add}>
        Add a branch
      </button>
    </Section>
  );
}
