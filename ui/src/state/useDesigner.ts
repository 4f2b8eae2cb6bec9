// The designer's state: the open file, the document (its text and the states placed by hand,
// "pins") with its snapshot history, and the latest analysis (the diagram is the last one that
// parsed). A snapshot holds text and pins together, so moving a state is one undo step.
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { ipc } from '../ipc/client';
import type { Analysis, Diagram, Problem, TextError } from '../ipc/bindings';
import * as history from './history';
import { latestOnly } from './latestOnly';
import { changed, recordChange, sameSnapshot, type Pins, type Snapshot } from './snapshot';
import { sameData } from '../canvas/stableFlow';
import { afterNextPaint } from '../paint';

export type { Pins, Snapshot } from './snapshot';
export { sameSnapshot } from './snapshot';

const NO_PINS: Pins = Object.freeze({});

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
  const [pins, setPinsNow] = useState<Pins>(NO_PINS);
  const [savedPins, setSavedPins] = useState<Pins>(NO_PINS);
  const [hist, setHist] = useState(() => history.start<Snapshot>({ text: '', pins: NO_PINS }));
  // The latest text and pins, for callbacks that must not change identity (set with the state).
  const pinsRef = useRef<Pins>(NO_PINS);
  const textRef = useRef('');
  const [diagram, setDiagram] = useState<Diagram | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [parseError, setParseError] = useState<TextError | null>(null);
  /** Counts loads (open, template), so others can react to each new document. */
  const [loads, setLoads] = useState(0);
  const snapshotTimer = useRef<number | undefined>(undefined);
  /** The text most recently sent for analysis (or analysed with a change): only its analysis shows. */
  const lastAsked = useRef<Snapshot | null>(null);
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
  // trip); while one runs, only the newest document waits for its turn.
  const [analyse] = useState(() =>
    latestOnly(
      (doc: Snapshot) => ipc.analyze(doc.text, doc.pins).then((a) => ({ doc, a })),
      ({ doc, a }: { doc: Snapshot; a: Analysis }) => {
        // Rendered at once, effects included: React Flow takes new nodes in an effect, which
        // would otherwise wait for the next frame to be painted (a renamed state would appear
        // a frame or two after the rest of the diagram).
        if (lastAsked.current !== null && sameSnapshot(doc, lastAsked.current)) flushSync(() => show(a));
      },
    ),
  );
  // Edits ask for their analysis at once (before React renders them); the effect covers any
  // other way the document changes. The same document is never analysed twice in a row.
  const ask = useCallback(
    (doc: Snapshot) => {
      if (lastAsked.current && sameSnapshot(lastAsked.current, doc)) return;
      lastAsked.current = doc;
      analyse(doc);
    },
    [analyse],
  );
  useEffect(() => ask({ text, pins }), [text, pins, ask]);

  /** Typing: the text changes now, and becomes an undo step once it rests. */
  const edit = useCallback(
    (next: string) => {
      ask({ text: next, pins: pinsRef.current });
      textRef.current = next;
      setText(next);
      window.clearTimeout(snapshotTimer.current);
      snapshotTimer.current = window.setTimeout(
        () => setHist((h) => history.record(h, { text: next, pins: pinsRef.current }, sameSnapshot)),
        SNAPSHOT_DELAY_MS,
      );
    },
    [ask],
  );

  /** A whole-document change (palette, template, canvas, inspector): one undo step at once,
   * with the pins the change carried along (a rename, a deletion), if any. */
  const replace = useCallback((next: string, carried?: Pins | null, analyseAfterPaint = false) => {
    window.clearTimeout(snapshotTimer.current);
    const before = { text: textRef.current, pins: pinsRef.current };
    const after = changed(before, next, carried);
    if (analyseAfterPaint) {
      // The analysis would compete with this frame for the CPU: it starts once the frame
      // showing the new text is painted (unless the document changed again meanwhile).
      lastAsked.current = after;
      afterNextPaint(() => {
        if (lastAsked.current === after) analyse(after);
      });
    } else {
      ask(after);
    }
    textRef.current = next;
    pinsRef.current = after.pins;
    setText(next);
    setPinsNow(after.pins);
    setHist((h) => recordChange(h, before, after));
  }, [ask, analyse]);

  /** A change that came back with its analysis (inspector, canvas): both panes in one render. */
  const replaceAnalysed = useCallback(
    (next: string, analysis: Analysis, carried?: Pins | null) => {
      lastAsked.current = changed({ text: textRef.current, pins: pinsRef.current }, next, carried);
      show(analysis);
      replace(next, carried);
    },
    [show, replace],
  );

  /** States placed by hand (a drag, Auto layout clearing them): one undo step at once. */
  const setPins = useCallback((next: Pins) => {
    window.clearTimeout(snapshotTimer.current);
    const current = { text: textRef.current, pins: pinsRef.current };
    setHist((h) => history.record(history.record(h, current, sameSnapshot), { text: current.text, pins: next }, sameSnapshot));
    pinsRef.current = next;
    setPinsNow(next);
  }, []);

  /** Opening a file or a template: a fresh history (with the pins saved beside the file). */
  const load = useCallback((doc: OpenDocument, content: string, placed: Pins = NO_PINS) => {
    window.clearTimeout(snapshotTimer.current);
    textRef.current = content;
    pinsRef.current = placed;
    setFile(doc);
    setText(content);
    setPinsNow(placed);
    setSavedPins(placed);
    setHist(history.start<Snapshot>({ text: content, pins: placed }));
    setLoads((n) => n + 1);
  }, []);

  /** The pins now in the document have been written beside the file. */
  const markPinsSaved = useCallback(() => setSavedPins(pinsRef.current), []);

  const flushPending = useCallback(
    (h: history.History<Snapshot>): history.History<Snapshot> => {
      window.clearTimeout(snapshotTimer.current);
      return history.record(h, { text, pins }, sameSnapshot);
    },
    [text, pins],
  );

  const restore = useCallback((h: history.History<Snapshot>) => {
    textRef.current = h.present.text;
    pinsRef.current = h.present.pins;
    setHist(h);
    setText(h.present.text);
    setPinsNow(h.present.pins);
  }, []);

  const undo = useCallback(() => restore(history.undo(flushPending(hist))), [hist, flushPending, restore]);

  const redo = useCallback(() => restore(history.redo(flushPending(hist))), [hist, flushPending, restore]);

  const pendingStep = text !== hist.present.text;
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
    dirty: text !== file.savedText || pins !== savedPins || file.gone === true,
    pins,
    setPins,
    markPinsSaved,
    diagram,
    problems,
    parseError,
  };
}
