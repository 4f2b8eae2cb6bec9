// Side-by-side view of the user's unsaved text and the version now on disk, with the differences
// marked (@codemirror/merge, the CodeMirror project's own diff view). Both sides are read-only:
// the choice itself is made with the dialog's buttons.
import { json } from '@codemirror/lang-json';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { MergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';

interface Props {
  mine: string;
  theirs: string;
}

export function CompareView({ mine, theirs }: Props) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const side = (label: string) => [
      lineNumbers(),
      json(),
      syntaxHighlighting(defaultHighlightStyle),
      EditorState.readOnly.of(true),
      EditorView.editable.of(false),
      EditorView.contentAttributes.of({ 'aria-label': label }),
    ];
    const view = new MergeView({
      a: { doc: mine, extensions: side('Your version (not saved)') },
      b: { doc: theirs, extensions: side('Version on disk') },
      parent: host.current,
      collapseUnchanged: { margin: 3, minSize: 6 },
    });
    return () => view.destroy();
  }, [mine, theirs]);
  return (
    <div className="compare">
      <div className="compare-heads" aria-hidden="true">
        <span>Your version (not saved)</span>
        <span>Version on disk</span>
      </div>
      <div className="compare-host" ref={host} />
    </div>
  );
}
