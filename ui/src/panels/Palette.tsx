// The palette: every state type, with what it does in plain words. Clicking one adds a state of
// that type to the workflow.
import { LOOKS, STATE_TYPES } from '../canvas/stateTypes';

export function Palette({ onAdd }: { onAdd: (kind: string) => void }) {
  return (
    <nav className="palette" aria-label="Palette">
      <h2>Add a step</h2>
      {STATE_TYPES.map((kind) => {
        const look = LOOKS[kind];
        return (
          <button
            key={kind}
            className="palette-item"
            aria-label={kind}
            data-palette-type={kind}
            title={`Add a ${kind} state: ${look.summary}`}
            onClick={() => onAdd(kind)}
            style={{ borderLeftColor: look.colour }}
          >
            <span className="state-icon" style={{ color: look.colour }} aria-hidden="true">
              {look.icon}
            </span>
            <span className="palette-text">
              <strong>{kind}</strong>
              <small>{look.summary}</small>
            </span>
          </button>
        );
      })}
    </nav>
  );
}
