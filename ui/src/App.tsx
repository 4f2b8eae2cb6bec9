// The designer window: toolbar, palette, canvas, the "ASL JSON" pane and the "Problems" list.
import { ReactFlowProvider } from '@xyflow/react';
import { ask, message, open, save } from '@tauri-apps/plugin-dialog';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { getCurrentWindow } from '@tauri-apps/api/window';
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { Canvas, type FocusRequest } from './canvas/Canvas';
import { useCanvasActions } from './canvas/useCanvasActions';
import { CodePane, type CursorRequest } from './code/CodePane';
import { describeFailure, ipc } from './ipc/client';
import type { Problem, StateChange, Template } from './ipc/bindings';
import { Inspector, atPointer } from './panels/Inspector';
import { stateNames } from './panels/inspector/names';
import { Palette } from './panels/Palette';
import { ProblemsPanel } from './panels/ProblemsPanel';
import { Toolbar } from './panels/Toolbar';
import { useDesigner } from './state/useDesigner';
import { FileDialogs } from './files/FileDialogs';
import { useFileSafety } from './files/useFileSafety';
import { RunPanel } from './run/RunPanel';
import { RunView } from './run/RunView';
import { useRun } from './run/useRun';
import { perfMark } from './perf/probe';
import { useShownAfterPaint } from './paint';

const FILTERS = [{ name: 'Workflow definitions', extensions: ['json'] }];

export function App() {
  perfMark('App render');
  const d = useDesigner();
  useLayoutEffect(() => perfMark('App committed'));
  const run = useRun(d.file.path, d.text);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [recent, setRecent] = useState<string[]>([]);
  // The selected state, and a count of moves to another state: the inspector is built afresh for
  // another state, but stays as it is (focus included) when its state is renamed.
  const [selection, setSelection] = useState<{ id: string | null; seq: number }>({ id: null, seq: 0 });
  const selected = selection.id;
  const setSelected = useCallback(
    (id: string | null) => setSelection((s) => (s.id === id ? s : { id, seq: s.seq + 1 })),
    [],
  );
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [cursor, setCursor] = useState<CursorRequest | null>(null);
  const [layoutSeq, setLayoutSeq] = useState(0);
  const [fitSeq, setFitSeq] = useState(0);
  const [status, setStatus] = useState('');
  // The toolbar and the unsaved-changes mark follow an edit one frame later (see useShownAfterPaint).
  const dirtyShown = useShownAfterPaint(d.dirty);
  const canUndoShown = useShownAfterPaint(d.canUndo);
  const canRedoShown = useShownAfterPaint(d.canRedo);

  const fail = useCallback((what: string, failure: unknown) => {
    const text = `${what}: ${describeFailure(failure)}`;
    setStatus(text);
    void message(text, { title: 'Statewright', kind: 'error' }).catch(() => undefined);
  }, []);

  const canvas = useCanvasActions(d, fail, setStatus);
  // The states placed by hand are written beside the file after each successful save.
  const writePins = useCallback(
    (path: string) => ipc.savePins(path, d.pins).then(d.markPinsSaved, (e: unknown) => fail('Could not save the layout', e)),
    [d, fail],
  );

  const refreshRecent = useCallback(() => {
    void ipc.recentFiles().then(setRecent, () => setRecent([]));
  }, []);

  const confirmDiscard = useCallback(async () => {
    if (!d.dirty) return true;
    return ask(`“${d.file.name}” has unsaved changes. Discard them?`, { title: 'Unsaved changes', kind: 'warning' });
  }, [d.dirty, d.file.name]);

  const openPath = useCallback(
    async (path: string) => {
      try {
        const f = await ipc.openFile(path);
        const pins = await ipc.loadPins(f.path).catch(() => ({}));
        d.load({ path: f.path, name: f.name, savedText: f.text }, f.text, pins);
        setSelected(null);
        setStatus(`Opened ${f.path}`);
        setFitSeq((n) => n + 1);
      } catch (failure) {
        fail('Could not open the file', failure);
      }
      refreshRecent();
    },
    [d, fail, refreshRecent, setSelected],
  );

  const newFromTemplate = useCallback(
    async (id: string) => {
      if (!(await confirmDiscard())) return;
      try {
        const content = await ipc.templateText(id);
        d.load({ path: null, name: 'Untitled.asl.json', savedText: '' }, content);
        setSelected(null);
        setStatus('New workflow: choose Save to give it a file name');
        setFitSeq((n) => n + 1);
      } catch (failure) {
        fail('Could not start a new workflow', failure);
      }
    },
    [confirmDiscard, d, fail, setSelected],
  );

  const chooseAndOpen = useCallback(async () => {
    if (!(await confirmDiscard())) return;
    const path = await open({ multiple: false, directory: false, filters: FILTERS, title: 'Open a workflow' });
    if (typeof path === 'string') await openPath(path);
  }, [confirmDiscard, openPath]);

  const saveAs = useCallback(async () => {
    const path = await save({ filters: FILTERS, defaultPath: d.file.path ?? d.file.name, title: 'Save the workflow as' });
    if (!path) return false;
    let saved = false;
    try {
      const f = await ipc.saveFile(path, d.text);
      d.setFile({ path: f.path, name: f.name, savedText: f.text });
      void writePins(f.path);
      setStatus(`Saved ${f.path}`);
      saved = true;
    } catch (failure) {
      fail('Could not save', failure);
    }
    refreshRecent();
    return saved;
  }, [d, fail, refreshRecent, writePins]);

  const saveNow = useCallback(async () => {
    if (!d.file.path) return saveAs();
    try {
      const f = await ipc.saveFile(d.file.path, d.text);
      d.setFile({ path: f.path, name: f.name, savedText: f.text });
      void writePins(f.path);
      setStatus(`Saved ${f.path}`);
      return true;
    } catch (failure) {
      fail('Could not save', failure);
      return false;
    }
  }, [d, fail, saveAs, writePins]);
  const safety = useFileSafety(d, saveNow, setStatus);

  // Start-up: the file named on the command line, or a blank workflow.
  useEffect(() => {
    void ipc.templates().then(setTemplates, () => setTemplates([]));
    refreshRecent();
    void ipc.startupFile().then((path) => {
      if (path) void openPath(path);
      else
        void ipc
          .templateText('blank')
          .then((t) => d.load({ path: null, name: 'Untitled.asl.json', savedText: '' }, t));
    });
    // Only once, at start-up.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Files dropped on the window are opened.
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    void getCurrentWebview()
      .onDragDropEvent((event) => {
        if (event.payload.type === 'drop' && event.payload.paths.length > 0) void openPath(event.payload.paths[0]);
      })
      .then((u) => (unlisten = u), () => undefined);
    return () => unlisten?.();
  }, [openPath]);

  useEffect(() => {
    const title = `${dirtyShown ? '● ' : ''}${d.file.name} — Statewright`;
    document.title = title;
    void getCurrentWindow().setTitle(title).catch(() => undefined);
  }, [dirtyShown, d.file.name]);

  // Keyboard shortcuts outside the editor.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const k = e.key.toLowerCase();
      if (k === 's') {
        e.preventDefault();
        void (e.shiftKey ? saveAs() : saveNow());
      } else if (k === 'o') {
        e.preventDefault();
        void chooseAndOpen();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [saveAs, saveNow, chooseAndOpen]);

  const problemCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of d.problems) if (p.node) counts.set(p.node, (counts.get(p.node) ?? 0) + 1);
    return counts;
  }, [d.problems]);

  const selectNode = useCallback(
    (id: string | null) => {
      setSelected(id);
      const node = id ? d.diagram?.nodes.find((n) => n.id === id) : undefined;
      if (node?.at) setCursor((c) => ({ line: node.at!.line, column: node.at!.column, seq: (c?.seq ?? 0) + 1 }));
    },
    [d.diagram, setSelected],
  );

  const pickProblem = useCallback((p: Problem) => {
    if (p.node) {
      setSelected(p.node);
      setFocus((f) => ({ id: p.node!, seq: (f?.seq ?? 0) + 1 }));
    }
    const place = p.span?.start ?? p.at;
    if (place) setCursor((c) => ({ line: place.line, column: place.column, seq: (c?.seq ?? 0) + 1 }));
  }, [setSelected]);

  const addState = useCallback(
    async (kind: string) => {
      try {
        d.replace(await ipc.addState(d.text, kind));
        setStatus(`Added a ${kind} state`);
      } catch (failure) {
        fail(`Could not add a ${kind} state`, failure);
      }
    },
    [d, fail],
  );

  const changeState = useCallback(
    async (change: StateChange) => {
      try {
        // A rename, a removal or a new transition changes the diagram: its analysis comes in the
        // same round trip. A field's value rarely does: its text comes back sooner without it,
        // and the analysis follows as for typing.
        const diagramChange = change.op !== 'fields' && change.op !== 'setComment';
        const changed = await ipc.changeState(d.text, change, d.pins, diagramChange);
        // Rendered before the next frame, effects included (React Flow takes new nodes in an
        // effect): the first frame painted shows the change in both panes.
        flushSync(() => {
          if (changed.analysis) d.replaceAnalysed(changed.text, changed.analysis, changed.pins);
          else d.replace(changed.text, changed.pins, true);
          if (change.op === 'remove') setSelected(null);
          if (change.op === 'rename') {
            const id = change.pointer.replace(/[^/]*$/, change.name.trim().replace(/~/g, '~0').replace(/\//g, '~1'));
            setSelection((s) => ({ id, seq: s.seq }));
          }
        });
      } catch (failure) {
        fail('Could not change the step', failure);
      }
    },
    [d, fail, setSelected],
  );

  const parsed = useMemo(() => {
    try {
      return JSON.parse(d.text) as unknown;
    } catch {
      return null;
    }
  }, [d.text]);

  const selectedNode = d.diagram?.nodes.find((n) => n.id === selected);
  const selectedState = selectedNode ? atPointer(parsed, selectedNode.id) : undefined;
  const siblings = selectedNode
    ? Object.keys((atPointer(parsed, selectedNode.id.replace(/\/[^/]*$/, '')) as object | undefined) ?? {}).filter(
        (n) => n !== selectedNode.name,
      )
    : [];
  return (
    <div className="app">
      <header className="top">
        <h1 className="brand">Statewright</h1>
        <Toolbar
          templates={templates}
          recent={recent}
          canUndo={canUndoShown}
          canRedo={canRedoShown}
          canSave={dirtyShown || d.file.path === null}
          onNew={(id) => void newFromTemplate(id)}
          onOpen={() => void chooseAndOpen()}
          onOpenRecent={(p) => void confirmDiscard().then((ok) => (ok ? openPath(p) : undefined))}
          onSave={() => void saveNow()}
          onSaveAs={() => void saveAs()}
          onUndo={d.undo}
          onRedo={d.redo}
          onAutoLayout={() => {
            canvas.clearPins();
            setLayoutSeq((n) => n + 1);
            setFitSeq((n) => n + 1);
          }}
          onFit={() => setFitSeq((n) => n + 1)}
        />
        <span className="file-name" title={d.file.path ?? 'Not saved yet'}>
          {dirtyShown ? '● ' : ''}
          {d.file.name}
          {dirtyShown ? ' (unsaved changes)' : ''}
        </span>
      </header>
      <Palette onAdd={(kind) => void addState(kind)} />
      <main className="centre">
        {d.parseError && (
          <div className="banner" role="alert">
            The ASL JSON has a mistake at line {d.parseError.line}, column {d.parseError.column}: {d.parseError.message}.
            The diagram shows the last version that could be read.
          </div>
        )}
        <ReactFlowProvider>
          <RunView.Provider value={run.view}>
          <Canvas
            diagram={d.diagram}
            stale={d.parseError !== null}
            problemCounts={problemCounts}
            selected={selected}
            onSelect={selectNode}
            layoutSeq={layoutSeq}
            fitSeq={fitSeq}
            focus={focus}
            actions={canvas}
          />
          </RunView.Provider>
        </ReactFlowProvider>
        <ProblemsPanel
          problems={d.problems}
          parseError={d.parseError}
          onPick={pickProblem}
          onPickParseError={() =>
            d.parseError &&
            setCursor((c) => ({ line: d.parseError!.line, column: d.parseError!.column, seq: (c?.seq ?? 0) + 1 }))
          }
        />
      </main>
      <div className="side">
        {selectedNode && selectedNode.kind !== 'Branch' && selectedNode.kind !== 'ItemProcessor' && (
          <Inspector
            key={selection.seq}
            node={selectedNode}
            state={selectedState && typeof selectedState === 'object' ? (selectedState as Record<string, unknown>) : null}
            siblings={siblings}
            root={parsed}
            problems={d.problems.filter((p) => p.pointer?.startsWith(`${selectedNode.id}/`) || p.pointer === selectedNode.id)}
            sampleInput={run.input}
            allNames={stateNames(parsed)}
            onChange={(c) => void changeState(c)}
          />
        )}
        <section className="code" aria-labelledby="code-title">
          <h2 id="code-title">
            ASL JSON
            {selectedNode && <span className="code-sub"> — {selectedNode.name}</span>}
          </h2>
          <CodePane text={d.text} onChange={d.edit} error={d.parseError} problems={d.problems} cursor={cursor} onUndo={d.undo} onRedo={d.redo} />
        </section>
      </div>
      <RunPanel run={run} selectedState={selectedNode?.name ?? null} definition={parsed} />
      <footer className="status" role="status">
        {status}
      </footer>
      <FileDialogs
        fileName={d.file.name}
        text={d.text}
        conflict={safety.conflict}
        onKeepMine={safety.keepMine}
        onTakeTheirs={safety.takeTheirs}
        closing={safety.closing}
        onCloseChoice={(c) => void safety.closeChoice(c)}
        draft={safety.draft}
        onRestoreDraft={safety.restoreDraft}
        onDiscardDraft={safety.discardDraft}
      />
    </div>
  );
}
