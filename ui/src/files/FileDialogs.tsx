// The questions "nothing lost" asks, as in-window dialogs with plain-word buttons: the file
// changed on disk while there are unsaved changes, the window is closing with unsaved changes, a
// draft survived a crash. In-window (not native) so the Compare view fits and tests can answer.
import { useState, type ReactNode } from 'react';
import './files.css';
import type { Draft } from '../ipc/bindings';
import { CompareView } from './CompareView';

interface Props {
  fileName: string;
  text: string;
  conflict: { theirs: string } | null;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  closing: boolean;
  onCloseChoice: (choice: 'save' | 'discard' | 'cancel') => void;
  draft: Draft | null;
  onRestoreDraft: () => void;
  onDiscardDraft: () => void;
}

export function FileDialogs(p: Props) {
  if (p.conflict) return <ConflictDialog {...p} theirs={p.conflict.theirs} />;
  if (p.closing)
    return (
      <Dialog id="close-title" title="Unsaved changes">
        <p>“{p.fileName}” has changes that are not saved. Save them before closing?</p>
        <div className="dialog-buttons">
          <button className="primary" autoFocus onClick={() => p.onCloseChoice('save')}>
            Save
          </button>
          <button onClick={() => p.onCloseChoice('discard')}>Don't save</button>
          <button onClick={() => p.onCloseChoice('cancel')}>Cancel</button>
        </div>
      </Dialog>
    );
  if (p.draft)
    return (
      <Dialog id="draft-title" title="Unsaved changes found">
        <p>
          Statewright closed without saving changes to “{p.fileName}”. Restore the unsaved changes from{' '}
          <time dateTime={new Date(p.draft.savedAtMs).toISOString()}>{new Date(p.draft.savedAtMs).toLocaleString()}</time>?
        </p>
        <div className="dialog-buttons">
          <button className="primary" autoFocus onClick={p.onRestoreDraft}>
            Restore
          </button>
          <button onClick={p.onDiscardDraft}>Discard them</button>
        </div>
      </Dialog>
    );
  return null;
}

function ConflictDialog(p: Props & { theirs: string }) {
  const [comparing, setComparing] = useState(false);
  return (
    <Dialog id="conflict-title" title="The file changed on disk" wide={comparing}>
      <p>
        “{p.fileName}” was changed outside Statewright, and you have changes that are not saved. Which version do you want
        to keep?
      </p>
      {comparing && <CompareView mine={p.text} theirs={p.theirs} />}
      <div className="dialog-buttons">
        <button onClick={p.onKeepMine} title="Keep your text; Save will write it over the version on disk">
          Keep mine
        </button>
        <button onClick={p.onTakeTheirs} title="Replace your text with the version on disk (Undo brings yours back)">
          Take theirs
        </button>
        <button aria-pressed={comparing} onClick={() => setComparing((c) => !c)}>
          Compare
        </button>
      </div>
    </Dialog>
  );
}

function Dialog({ id, title, wide, children }: { id: string; title: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className="dialog-backdrop">
      <div className={wide ? 'dialog wide' : 'dialog'} role="alertdialog" aria-modal="true" aria-labelledby={id}>
        <h2 id={id}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
