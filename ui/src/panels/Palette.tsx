// The palette: every state type and the common service tasks, with what each does in plain
// words (the service tasks folded under "Common tasks"). Drag an item onto the canvas (onto a transition to insert it there, into a branch or a
// Map's steps), or click it to add it at the end of the workflow.
import { LOOKS } from '../canvas/stateTypes';
import { PALETTE_TASKS, PALETTE_TYPES, type PaletteItem } from './paletteItems';
import { usePaletteDrag } from './usePaletteDrag';

export function Palette({ onAdd }: { onAdd: (item: string) => void }) {
  const drag = usePaletteDrag();
  const entry = (p: PaletteItem) => {
    const look = LOOKS[p.kind];
    return (
      <button
        key={p.id}
        className="palette-item"
        aria-label={p.label}
        data-palette-type={p.id}
        title={`${p.label}: ${p.summary}. Drag it onto the diagram, or click to add it at the end.`}
        onMouseDown={(e) => drag.onMouseDown(e, p.id, p.label)}
        onClick={() => {
          if (!drag.wasDragged()) onAdd(p.id);
        }}
        style={{ borderLeftColor: look.colour }}
      >
        <span className="state-icon" style={{ color: look.colour }} aria-hidden="true">
          {look.icon}
        </span>
        <span className="palette-text">
          <strong>{p.label}</strong>
          <small>{p.summary}</small>
        </span>
      </button>
    );
  };
  return (
    <nav className="palette" aria-label="Palette">
      <h2>Add a step</h2>
      {PALETTE_TYPES.map(entry)}
      <details className="palette-group">
        <summary>Common tasks</summary>
        <div className="palette-tasks">{PALETTE_TASKS.map(entry)}</div>
      </details>
      {drag.ghost && (
        <div className="palette-ghost" style={{ left: drag.ghost.x + 8, top: drag.ghost.y + 8 }} aria-hidden="true">
          {drag.ghost.label}
        </div>
      )}
    </nav>
  );
}
