// The run panel's state: the setup read beside the workflow, the input, the chosen test case and
// speed, and everything the Rust session streams back (applied one batch at a time).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  PausedAt,
  RunBatch,
  RunEnd,
  RunEvent,
  RunSetup,
  RunTrace,
  StateStatus,
  WaitingTask,
} from '../ipc/bindings';
import { describeFailure } from '../ipc/client';
import { runIpc } from './client';
import { mapIterations } from './iterations';
import { edgeKey, type IterationFocus, type RunViewValue } from './RunView';

export type Phase = 'idle' | 'running' | 'paused' | 'ended';

export interface RunData {
  events: RunEvent[];
  traces: Map<string, RunTrace[]>;
  statuses: Record<string, StateStatus>;
  taken: Set<string>;
}

const emptyData = (): RunData => ({ events: [], traces: new Map(), statuses: {}, taken: new Set() });

export function useRun(path: string | null, definition: string) {
  const [setup, setSetup] = useState<RunSetup | null>(null);
  /** A mock configuration chosen by the person (null: `<stem>.mocks.json` beside the workflow). */
  const [mocksFile, setMocksFileState] = useState<{ path: string | null; file: string | null }>({ path: null, file: null });
  const chosenMocks = mocksFile.path === path ? mocksFile.file : null;
  const [input, setInput] = useState('{}');
  const [testCase, setTestCase] = useState<string>('');
  const [speed, setSpeed] = useState(0);
  const [breakpoints, setBreakpoints] = useState<Set<string>>(new Set());
  const [breakOnError, setBreakOnError] = useState(false);
  const [breakOnCatch, setBreakOnCatch] = useState(false);
  const [phase, setPhase] = useState<Phase>('idle');
  const [paused, setPaused] = useState<PausedAt | null>(null);
  const [waiting, setWaiting] = useState<WaitingTask[]>([]);
  const [end, setEnd] = useState<RunEnd | null>(null);
  const [transitions, setTransitions] = useState(0);
  const [message, setMessage] = useState('');
  const [version, setVersion] = useState(0);
  /** The Map iteration picked in the inspection (its states' names inside the Map). */
  const [picked, setPicked] = useState<{ map: string; index: number; inside: ReadonlySet<string> } | null>(null);
  const data = useRef<RunData>(emptyData());
  const runId = useRef(0);
  const lastRun = useRef(0);

  // The files beside the workflow: default input, named inputs, mock test cases.
  useEffect(() => {
    if (!path) {
      setSetup(null);
      return;
    }
    void runIpc.setup(path, chosenMocks).then(
      (s) => {
        setSetup(s);
        if (s.input !== null) setInput(s.input);
        setTestCase(s.testCases.includes('HappyPath') ? 'HappyPath' : (s.testCases[0] ?? ''));
      },
      () => setSetup(null),
    );
  }, [path, chosenMocks]);

  /** Reads the setup again (after saving an input, a test case or mocked answers). */
  const refreshSetup = useCallback(async () => {
    if (path) setSetup(await runIpc.setup(path, chosenMocks));
  }, [path, chosenMocks]);
  const setMocksFile = useCallback((file: string | null) => setMocksFileState({ path, file }), [path]);

  const apply = useCallback((b: RunBatch) => {
    // A run starting: its batches may arrive before `run_start` answers.
    if (runId.current === -1 && b.run > lastRun.current) runId.current = b.run;
    if (b.run !== runId.current) return;
    const d = data.current;
    for (const e of b.events) d.events.push(e);
    if (b.statuses.length > 0) {
      d.statuses = { ...d.statuses };
      for (const s of b.statuses) d.statuses[s.state] = s.status;
    }
    if (b.edges.length > 0) {
      d.taken = new Set(d.taken);
      for (const e of b.edges) d.taken.add(edgeKey(e.from, e.to));
    }
    for (const t of b.traces) {
      const list = d.traces.get(t.state) ?? [];
      list.push(t);
      d.traces.set(t.state, list);
    }
    setWaiting(b.waiting);
    setTransitions(b.transitions);
    if (b.paused) {
      setPaused(b.paused);
      setPhase('paused');
    } else if (b.resumed) {
      setPaused(null);
      setPhase('running');
    }
    if (b.end) {
      setEnd(b.end);
      setPaused(null);
      setPhase('ended');
    }
    setVersion((v) => v + 1);
  }, []);

  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let gone = false;
    void runIpc.onBatch(apply).then((u) => (gone ? u() : (unlisten = u)));
    return () => {
      gone = true;
      unlisten?.();
    };
  }, [apply]);

  const inputError = useMemo(() => {
    try {
      JSON.parse(input);
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }, [input]);

  const start = useCallback(
    async (pauseAtStart: boolean) => {
      data.current = emptyData();
      setEnd(null);
      setPaused(null);
      setWaiting([]);
      setTransitions(0);
      setPicked(null);
      setMessage('');
      setVersion((v) => v + 1);
      try {
        lastRun.current = Math.max(lastRun.current, runId.current);
        runId.current = -1;
        setPhase('running');
        const id = await runIpc.start({
          definition,
          path,
          input,
          mocksPath: testCase ? (setup?.mocksPath ?? null) : null,
          testCase: testCase || null,
          speed,
          breakpoints: [...breakpoints],
          breakOnError,
          breakOnCatch,
          pauseAtStart,
        });
        runId.current = id;
      } catch (failure) {
        setPhase('idle');
        setMessage(describeFailure(failure));
      }
    },
    [definition, path, input, testCase, setup, speed, breakpoints, breakOnError, breakOnCatch],
  );

  const act = useCallback((action: 'pause' | 'step' | 'continue' | 'stop') => {
    void runIpc.act(action).catch((f: unknown) => setMessage(describeFailure(f)));
  }, []);

  const toggleBreakpoint = useCallback(
    (state: string) => {
      setBreakpoints((old) => {
        const next = new Set(old);
        if (next.has(state)) next.delete(state);
        else next.add(state);
        if (phase === 'running' || phase === 'paused') void runIpc.breakpoints([...next], breakOnError, breakOnCatch).catch(() => undefined);
        return next;
      });
    },
    [phase, breakOnError, breakOnCatch],
  );

  const changeBreakOnError = useCallback(
    (on: boolean) => {
      setBreakOnError(on);
      if (phase === 'running' || phase === 'paused') void runIpc.breakpoints([...breakpoints], on, breakOnCatch).catch(() => undefined);
    },
    [phase, breakpoints, breakOnCatch],
  );

  const changeBreakOnCatch = useCallback(
    (on: boolean) => {
      setBreakOnCatch(on);
      if (phase === 'running' || phase === 'paused') void runIpc.breakpoints([...breakpoints], breakOnError, on).catch(() => undefined);
    },
    [phase, breakpoints, breakOnError],
  );

  const d = data.current;
  const focus: IterationFocus | null = useMemo(() => {
    if (!picked) return null;
    const m = mapIterations(d.events).get(picked.map);
    return {
      ...picked,
      statuses: m?.statuses.get(picked.index) ?? {},
      taken: m?.taken.get(picked.index) ?? new Set<string>(),
    };
    // `version` marks new events (the list grows in place).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [picked, d.events, version]);
  const view: RunViewValue = useMemo(
    () => ({
      ran: phase !== 'idle',
      statuses: d.statuses,
      breakpoints,
      toggleBreakpoint,
      taken: d.taken,
      pausedAt: paused?.state ?? null,
      focus,
    }),
    // `version` marks a new batch: statuses and taken are replaced, not mutated, when they change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [phase, d.statuses, d.taken, breakpoints, toggleBreakpoint, paused, version, focus],
  );

  return {
    setup,
    setSetup,
    refreshSetup,
    mocksFile: chosenMocks,
    setMocksFile,
    input,
    setInput,
    inputError,
    testCase,
    setTestCase,
    speed,
    setSpeed,
    breakOnError,
    setBreakOnError: changeBreakOnError,
    breakOnCatch,
    setBreakOnCatch: changeBreakOnCatch,
    phase,
    paused,
    waiting,
    end,
    transitions,
    message,
    setMessage,
    version,
    data: d,
    view,
    picked,
    pickIteration: setPicked,
    start,
    act,
    path,
  };
}

export type RunState = ReturnType<typeof useRun>;
