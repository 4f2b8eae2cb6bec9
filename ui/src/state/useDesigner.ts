// The designer's state: the open file, the text with its snapshot history, and the latest
// analysis (the diagram is the last one that parsed).
import { useCallback, useEffect, useRef, useState } from 'react';
import { ipc } from '../ipc/client';
import type { Analysis, Diagram, Problem, TextError } from '../ipc/bindings';
import * as history from './history';

/** How long the text must rest before it becomes an undo step. */
const SNAPSHOT_DELAY_MS = 600;

export interface OpenDocument {
  /** Absolute path, or null for a new file not saved yet. */
  path: string | null;
  name: string;
  /** The text as last saved or opened (to know whether there are unsaved changes). */
  savedText: string;
}

export function useDesigner() {
  const [file, setFile] = useState<OpenDocument>({ path: null, name: 'Untitled.asl.json', savedText: '' });
  const [text, setText] = useState('');
  const [hist, setHist] = useState(() => history.start(''));
  const [diagram, setDiagram] = useState<Diagram | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [parseError, setParseError] = useState<TextError | null>(null);
  const analysisSeq = useRef(0);
  const snapshotTimer = useRef<number | undefined>(undefined);

  // Analyse every version of the text; ignore answers that arrive after a newer request.
  useEffect(() => {
    const seq = ++analysisSeq.current;
    const timer = window.setTimeout(() => {
      void ipc.analyze(text).then((a: Analysis) => {
        if (seq !== analysisSeq.current) return;
        if (a.status === 'parsed') {
          setDiagram(a.diagram);
          setProblems(a.problems);
          setParseError(null);
        } else {
          setParseError(a.error);
        }
      });
    }, 120);
    return () => window.clearTimeout(timer);
  }, [text]);

  /** Typing: the text changes now, and becomes an undo step once it rests. */
  const edit = useCallback((next: string) => {
    setText(next);
    window.clearTimeout(snapshotTimer.current);
    snapshotTimer.current = window.setTimeout(() => setHist((h) => history.record(h, next)), SNAPSHOT_DELAY_MS);
  }, []);

  /** A whole-document change (palette, template): one undo step at once. */
  const replace = useCallback((next: string) => {
    window.clearTimeout(snapshotTimer.current);
    setText((current) => {
      setHist((h) => history.record(history.record(h, current), next));
      return next;
    });
  }, []);

  /** Opening a file or a template: a fresh history. */
  const load = useCallback((doc: OpenDocument, content: string) => {
    window.clearTimeout(snapshotTimer.current);
    setFile(doc);
    setText(content);
    setHist(history.start(content));
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
    load,
    undo,
    redo,
    canUndo: history.canUndo(hist) || pendingStep,
    canRedo: history.canRedo(hist) && !pendingStep,
    dirty: text !== file.savedText,
    diagram,
    problems,
    parseError,
  };
}
