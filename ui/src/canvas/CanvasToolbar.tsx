// The diagram's own toolbar, over the canvas: what can be done to the selection, and exporting
// the diagram as a picture. Every button is named in words (and says its shortcut).
import type { ImageFormat } from '../ipc/bindings';

interface Props {
  states: number;
  transitions: number;
  canPaste: boolean;
  onDelete: () => void;
  onDuplicate: () => void;
  onCopy: () => void;
  onPaste: () => void;
  onExport: (format: ImageFormat) => void;
}

export function CanvasToolbar(p: Props) {
  const nothing = p.states + p.transitions === 0;
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Diagram actions">
      <button onClick={p.onDelete} disabled={nothing} title="Delete the selected steps and transitions (Delete)">
        Delete
      </button>
      <button onClick={p.onDuplicate} disabled={p.states === 0} title="Make a copy of the selected steps (Ctrl+D)">
        Duplicate
      </button>
      <button onClick={p.onCopy} disabled={p.states === 0} title="Copy the selected steps (Ctrl+C)">
        Copy
      </button>
      <button onClick={p.onPaste} disabled={!p.canPaste} title="Paste the copied steps (Ctrl+V)">
        Paste
      </button>
      <span className="toolbar-gap" />
      <button onClick={() => p.onExport('png')} title="Save a picture of the diagram as a PNG image">
        Export PNG
      </button>
      <button onClick={() => p.onExport('svg')} title="Save the diagram as an SVG drawing">
        Export SVG
      </button>
    </div>
  );
}
