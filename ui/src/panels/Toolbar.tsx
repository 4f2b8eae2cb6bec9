// The toolbar: every file and edit action reachable with the mouse, named in plain words.
import type { Template } from '../ipc/bindings';

interface Props {
  templates: Template[];
  recent: string[];
  canUndo: boolean;
  canRedo: boolean;
  canSave: boolean;
  onNew: (templateId: string) => void;
  onOpen: () => void;
  onOpenRecent: (path: string) => void;
  onSave: () => void;
  onSaveAs: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onAutoLayout: () => void;
  onFit: () => void;
}

export function Toolbar(p: Props) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Main actions">
      <details className="menu">
        <summary aria-label="New" title="Start a new workflow from a template">
          New
        </summary>
        <ul role="menu" aria-label="Templates">
          {p.templates.map((t) => (
            <li key={t.id}>
              <button role="menuitem" onClick={(e) => (closeMenu(e.currentTarget), p.onNew(t.id))} title={t.description}>
                <strong>{t.title}</strong>
                <span>{t.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </details>
      <button onClick={p.onOpen} title="Open a workflow definition (.asl.json) (Ctrl+O)">
        Open
      </button>
      <details className="menu">
        <summary aria-label="Recent files" title="Open a file you used recently">
          Recent
        </summary>
        <ul role="menu" aria-label="Recent files">
          {p.recent.length === 0 && <li className="menu-empty">No recent files yet</li>}
          {p.recent.map((path) => (
            <li key={path}>
              <button role="menuitem" onClick={(e) => (closeMenu(e.currentTarget), p.onOpenRecent(path))} title={path}>
                {path}
              </button>
            </li>
          ))}
        </ul>
      </details>
      <button onClick={p.onSave} disabled={!p.canSave} title="Save the changes to this file (Ctrl+S)">
        Save
      </button>
      <button onClick={p.onSaveAs} title="Save under a new name (Ctrl+Shift+S)">
        Save As
      </button>
      <span className="toolbar-gap" />
      <button onClick={p.onUndo} disabled={!p.canUndo} title="Undo the last change (Ctrl+Z)">
        Undo
      </button>
      <button onClick={p.onRedo} disabled={!p.canRedo} title="Redo the change you undid (Ctrl+Y)">
        Redo
      </button>
      <span className="toolbar-gap" />
      <button onClick={p.onAutoLayout} title="Put every state back in its computed place">
        Auto layout
      </button>
      <button onClick={p.onFit} title="Zoom so the whole workflow is visible">
        Fit
      </button>
    </div>
  );
}

function closeMenu(el: HTMLElement) {
  el.closest('details')?.removeAttribute('open');
}
