// The designer's state: the open file, the text with its snapshot history, and the latest
// analysis (the diagram is the last one that parsed).
import { useCallback, useEffect, useRef, useState } from 'react';
import { ipc } from '../ipc/client';
import type { Analysis, Diagram, Problem, TextError } from '../ipc/bindings';
import * as history from './history';
import { latestOnly } from './latestOnly';
import { sameData } from '../canvas/stableFlow';

/** How long the text must rest before it becomes an undo step. */
const SNAPSHOT_DELAY_MS = 600;

export interface OpenDocument {
  /** Absolute path, or null for a new file not saved yet. */
  path: string | null;
  name: string;
  /** The text as last saved or opened (to know whether there are unsaved changes). */
  savedText: string;
  /** True once the file was deleted or renamed outside the app: the text is unsaved again. */
  gone?: boolean;
}

export function useDesigner() {
  const [file, setFile] = useState<OpenDocument>({ path: null, name: 'Untitled.asl.json', savedText: '' });
  const [text, setText] = useState('');
  const [hist, setHist] = useState(() => history.start(''));
  const [diagram, setDiagram] = useState<Diagram | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [parseError, setParseError] = useState<TextError | null>(null);
  /** Counts loads (open, template), so others can react to each new document. */
  const [loads, setLoads] = useState(0);
  const snapshotTimer = useRef<number | undefined>(undefined);
  /** The text most recently sent for analysis (or analysed with a change): only its analysis shows. */
  const lastAsked = useRef<string | null>(null);
  const show = useCallback((a: Analysis) => {
    if (a.status === 'parsed') {
      // Most edits (a field's value) leave the diagram and the problems as they were: keeping
      // the same objects spares the canvas and the panels a render.
      setDiagram((old) => (sameData(old, a.diagram) ? old : a.diagram));
      setProblems((old) => (sameData(old, a.problems) ? old : a.problems));
      setParseError(null);
    } else {
      setParseError(a.error);
    }
  }, []);
  // One analysis at a time, at once (no fixed delay: an edit reaches the diagram in one round
  // trip); while one runs, only the newest text waits for its turn.
  const [analyse] = useState(() =>
    latestOnly(
      (t: string) => ipc.analyze(t).then((a) => ({ t, a })),
      ({ t, a }: { t: string; a: Analysis }) => {
        if (t === lastAsked.current) show(a);
      },
    ),
  );
  // Edits ask for their analysis at once (before React renders them); the effect covers any
  // other way the text changes. The same text is never analysed twice in a row.
  const ask = useCallback(
    (t: string) => {
      if (t === lastAsked.current) return;
      lastAsked.current = t;
      analyse(t);
    },
    [analyse],
  );
  useEffect(() => ask(text), [text, ask]);

  /** Typing: the text changes now, and becomes an undo step once it rests. */
  const edit = useCallback((next: string) => {
    ask(next);
    setText(next);
    window.clearTimeout(snapshotTimer.current);
    snapshotTimer.current = window.setTimeout(() => setHist((h) => history.record(h, next)), SNAPSHOT_DELAY_MS);
  }, [ask]);

  /** A whole-document change (palette, template): one undo step at once. */
  const replace = useCallback((next: string) => {
    window.clearTimeout(snapshotTimer.current);
    ask(next);
    setText((current) => {
      setHist((h) => history.record(history.record(h, current), next));
      return next;
    });
  }, [ask]);

  /** A change that came back with its analysis (inspector, canvas): both panes in one render. */
  const replaceAnalysed = useCallback(
    (next: string, analysis: Analysis) => {
      lastAsked.current = next;
      show(analysis);
      replace(next);
    },
    [show, replace],
  );

  /** Opening a file or a template: a fresh history. */
  const load = useCallback((doc: OpenDocument, content: string) => {
    window.clearTimeout(snapshotTimer.current);
    setFile(doc);
    setText(content);
    setHist(history.start(content));
    setLoads((n) => n + 1);
  }, []);

  const flushPending = useCallback(
    (h: history.History): history.History => {
      window.clearTimeout(snapshotTimer.current);
      return history.record(h, text);
    },
    [text],
  );

  const undo = useCallback(() => {
    const h = history.undo(flushPending(hist));
    setHist(h);
    setText(h.present);
  }, [hist, flushPending]);

  const redo = useCallback(() => {
    const h = history.redo(flushPending(hist));
    setHist(h);
    setText(h.present);
  }, [hist, flushPending]);

  const pendingStep = text !== hist.present;
  return {
    file,
    setFile,
    text,
    edit,
    replace,
    replaceAnalysed,
    load,
    loads,
    undo,
    redo,
    canUndo: history.canUndo(hist) || pendingStep,
    canRedo: history.canRedo(hist) && !pendingStep,
    dirty: text !== file.savedText || file.gone === true,
    diagram,
    problems,
    parseError,
  };
}
