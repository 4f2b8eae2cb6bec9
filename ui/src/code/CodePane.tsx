// The "ASL JSON" pane: the exact text of the definition in CodeMirror 6. Undo/redo belong to the
// app (whole-document snapshots), so the editor's own history is not installed. JSONata
// expressions ("{% ... %}") are highlighted, and the validator's problems shown as lint
// diagnostics where the core places them.
import { json } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, indentOnInput, syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { setDiagnostics, lintGutter } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { defaultKeymap, indentWithTab } from '@codemirror/commands';
import { Annotation, EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { perfMark } from '../perf/probe';
import type { Problem, TextError } from '../ipc/bindings';
import { parseDiagnostic, problemDiagnostics } from './diagnostics';
import { jsonataHighlight, jsonataTheme } from './jsonataMarks';
import { changeBetween } from './change';
import { offsetOf } from './offset';

/** Marks the editor transactions that bring in text changed elsewhere (canvas, undo, open). */
const fromOutside = Annotation.define<boolean>();

export interface CursorRequest {
  line: number;
  column: number;
  seq: number;
}

interface Props {
  text: string;
  onChange: (text: string) => void;
  error: TextError | null;
  /** The validator's problems for the text (when it parses). */
  problems?: Problem[];
  cursor: CursorRequest | null;
  onUndo: () => void;
  onRedo: () => void;
}

export function CodePane({ text, onChange, error, problems, cursor, onUndo, onRedo }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const handlers = useRef({ onChange, onUndo, onRedo });
  // The editor's text as last set or typed, so a change from outside is found without copying
  // the whole document out of the editor first.
  const known = useRef('');

  useEffect(() => {
    handlers.current = { onChange, onUndo, onRedo };
  }, [onChange, onUndo, onRedo]);

  // Layout effects: the editor exists, and shows text changed elsewhere, in the same frame as
  // the rest of the window (a passive effect would wait until after a paint).
  useLayoutEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: '',
        extensions: [
          lineNumbers(),
          foldGutter(),
          lintGutter(),
          highlightActiveLine(),
          highlightActiveLineGutter(),
          highlightSelectionMatches(),
          bracketMatching(),
          indentOnInput(),
          json(),
          syntaxHighlighting(defaultHighlightStyle),
          jsonataHighlight,
          jsonataTheme,
          keymap.of([
            { key: 'Mod-z', run: () => (handlers.current.onUndo(), true) },
            { key: 'Mod-y', run: () => (handlers.current.onRedo(), true) },
            { key: 'Mod-Shift-z', run: () => (handlers.current.onRedo(), true) },
            indentWithTab,
            ...defaultKeymap,
            ...searchKeymap,
          ]),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': 'ASL JSON' }),
          EditorView.updateListener.of((u) => {
            // Only the user's own typing goes back up; the text set from outside is already known.
            if (u.docChanged && !u.transactions.some((t) => t.annotation(fromOutside))) {
              known.current = u.state.doc.toString();
              handlers.current.onChange(known.current);
            }
          }),
        ],
      }),
    });
    view.current = v;
    known.current = '';
    return () => {
      v.destroy();
      view.current = null;
    };
  }, []);

  // Text changed from outside (open, undo, template): replace the editor's content.
  useLayoutEffect(() => {
    const v = view.current;
    if (!v) return;
    perfMark('CodePane text');
    // (A length that disagrees would mean a change this pane did not see: then ask the editor.)
    const shown = v.state.doc.length === known.current.length ? known.current : v.state.doc.toString();
    const change = changeBetween(shown, text);
    known.current = text;
    if (change) v.dispatch({ changes: change, annotations: fromOutside.of(true) });
    perfMark('CodePane text applied');
  }, [text]);

  // Set when the analysis answers; between answers CodeMirror moves them with the edits.
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const diagnostics = error ? [parseDiagnostic(v.state, error)] : problemDiagnostics(v.state, problems ?? []);
    v.dispatch(setDiagnostics(v.state, diagnostics));
  }, [error, problems]);

  useEffect(() => {
    const v = view.current;
    if (!v || !cursor) return;
    const pos = offsetOf(v.state, cursor.line, cursor.column);
    v.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
  }, [cursor]);

  return <div className="code-host" ref={host} />;
}
