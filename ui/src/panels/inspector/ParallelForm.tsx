// Parallel: its branches, and a button that adds one (a branch with a single Pass step, named
// so that no other step in the workflow has that name).
import { appendEdit, useForm } from './context';
import { Section } from './fields';
import { freshName } from './names';

export function ParallelForm() {
  const { state, pointer, allNames, write } = useForm();
  const branches = Array.isArray(state.Branches) ? (state.Branches as Record<string, unknown>[]) : [];
  const add = () => {
    const name = freshName(`Branch ${branches.length + 1} step`, allNames);
    const branch = { StartAt: name, States: { [name]: { Type: 'Pass', End: true } } };
    write([appendEdit(pointer, state, 'Branches', branch)]);
  };
  return (
    <Section title="Branches (run at the same time)">
      <ul className="branch-list">
        {branches.map((b, i) => (
          <li key={i}>
            Branch {i + 1}: starts at “{typeof b?.StartAt === 'string' ? b.StartAt : '?'}”, {Object.keys((b?.States as object) ?? {}).length} step(s)
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
