// The inspector: the selected state in plain words, with the changes people make most (name,
// note, where to go next, delete) as form fields, then the form of its type (inspector/). Each
// change is a lossless edit of the text.
import { lookOf } from '../canvas/stateTypes';
import type { DiagramNode, Problem, StateChange } from '../ipc/bindings';
import { StateForm } from './inspector/StateForm';
import { useDraft } from './inspector/draft';

/** State types that continue with `Next` or stop with `End`. */
const FLOWING = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);

interface Props {
  node: DiagramNode;
  /** The state's JSON object, when the text parses. */
  state: Record<string, unknown> | null;
  /** Names of the other states it can go to (same `States` object). */
  siblings: string[];
  /** The whole definition, the validator's problems about this state, the sample input. */
  root: unknown;
  problems: Problem[];
  sampleInput: string | null;
  allNames: string[];
  onChange: (change: StateChange) => void;
}

export function Inspector(props: Props) {
  const { node, state } = props;
  // Every field's draft starts over from the file when its value there changes (inspector/draft.ts).
  return (
    <section className="inspector" aria-labelledby="inspector-title">
      <InspectorFields {...props} />
      {state && (
        <StateForm
          pointer={node.id}
          state={state}
          root={props.root}
          siblings={props.siblings}
          problems={props.problems}
          sampleInput={props.sampleInput}
          allNames={props.allNames}
          write={(edits) => props.onChange({ op: 'fields', edits })}
        />
      )}
    </section>
  );
}

function InspectorFields({ node, state, siblings, onChange }: Props) {
  const look = lookOf(node.kind);
  const [name, setName] = useDraft(node.name);
  const [comment, setComment] = useDraft(typeof state?.Comment === 'string' ? state.Comment : '', JSON.stringify(state?.Comment ?? null));
  const next = typeof state?.Next === 'string' ? state.Next : '';
  const pointer = node.id;
  const rename = () => name.trim() !== node.name && onChange({ op: 'rename', pointer, name });
  const saveComment = () => comment !== (state?.Comment ?? '') && onChange({ op: 'setComment', pointer, comment });
  return (
    <>
      <h2 id="inspector-title">
        <span className="state-icon" style={{ color: look.colour }} aria-hidden="true">
          {look.icon}
        </span>{' '}
        {node.kind} step <span className="inspector-summary">— {look.summary}</span>
      </h2>
      <div className="inspector-fields">
        <label>
          Name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            onBlur={rename}
            onKeyDown={(e) => e.key === 'Enter' && rename()}
          />
        </label>
        <label>
          Note
          <input
            value={comment}
            placeholder="What this step is for (optional)"
            onChange={(e) => setComment(e.target.value)}
            onBlur={saveComment}
            onKeyDown={(e) => e.key === 'Enter' && saveComment()}
          />
        </label>
        {FLOWING.has(node.kind) && (
          <label>
            Then
            <select
              value={state?.End === true ? '' : next}
              onChange={(e) => onChange({ op: 'goTo', pointer, target: e.target.value === '' ? null : e.target.value })}
            >
              <option value="">End the workflow here</option>
              {siblings.map((s) => (
                <option key={s} value={s}>
                  Go to “{s}”
                </option>
              ))}
              {next !== '' && !siblings.includes(next) && <option value={next}>Go to “{next}” (does not exist)</option>}
            </select>
          </label>
        )}
        <button className="danger" onClick={() => onChange({ op: 'remove', pointer })} title="Delete this step from the workflow">
          Delete step
        </button>
      </div>
    </>
  );
}

/** The JSON value at an RFC 6901 pointer, if there is one. */
export function atPointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
