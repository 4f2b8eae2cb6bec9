// The run panel under the canvas: input and controls on the left, the clicked state's
// inspection in the middle, history or timeline on the right. It can be hidden (a strip with the
// run's state stays) and resized by dragging its top edge or with the arrow keys on it.
import './run.css';
import { useEffect, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { Callbacks } from './Callbacks';
import { Controls } from './Controls';
import { HistoryTable } from './HistoryTable';
import { InputEditor } from './InputEditor';
import { Inspector } from './Inspector';
import { Legend } from './Legend';
import { MockEditor } from './MockEditor';
import { Outcome } from './Outcome';
import { clampHeight, defaultHeight, loadLayout, saveLayout, MIN_PANEL } from './panelSize';
import { Timeline } from './Timeline';
import type { RunState } from './useRun';

const PHASE: Record<RunState['phase'], string> = {
  idle: 'Not run yet',
  running: 'Running',
  paused: 'Paused',
  ended: 'Ended',
};

function useWindowHeight() {
  const [h, setH] = useState(() => window.innerHeight);
  useEffect(() => {
    const on = () => setH(window.innerHeight);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return h;
}

export function RunPanel({ run, selectedState, definition }: { run: RunState; selectedState: string | null; definition: unknown }) {
  const [tab, setTab] = useState<'history' | 'timeline'>('history');
  const [layout, setLayout] = useState(() => loadLayout(window.localStorage));
  const windowHeight = useWindowHeight();
  const height = clampHeight(layout.height ?? defaultHeight(windowHeight), windowHeight);
  useEffect(() => saveLayout(window.localStorage, layout), [layout]);

  const drag = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const startY = e.clientY;
    const startH = height;
    const move = (m: globalThis.PointerEvent) => setLayout({ hidden: false, height: clampHeight(startH + startY - m.clientY, window.innerHeight) });
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  const key = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 80 : 20;
    if (e.key === 'ArrowUp') setLayout({ hidden: false, height: clampHeight(height + step, windowHeight) });
    else if (e.key === 'ArrowDown') setLayout({ hidden: false, height: clampHeight(height - step, windowHeight) });
    else return;
    e.preventDefault();
  };

  const hidden = layout.hidden;
  return (
    <section className={hidden ? 'run-panel run-hidden' : 'run-panel'} aria-labelledby="run-title" style={hidden ? undefined : { height }}>
      {!hidden && (
        <div
          className="run-resize"
          role="separator"
          aria-orientation="horizontal"
          aria-label="Resize run panel"
          aria-valuemin={MIN_PANEL}
          aria-valuemax={clampHeight(Infinity, windowHeight)}
          aria-valuenow={height}
          tabIndex={0}
          title="Drag to make the run panel taller or shorter (or use the arrow keys)"
          onPointerDown={drag}
          onKeyDown={key}
        />
      )}
      <header className="run-head">
        <h2 id="run-title">Run</h2>
        <span className="run-head-state">
          {PHASE[run.phase]}
          {run.phase !== 'idle' ? ` · ${run.transitions} state entries` : ''}
          {run.paused ? ` · before ${run.paused.state}` : ''}
          {run.end ? ` · ${run.end.status.toLowerCase().replace('_', ' ')}` : ''}
          {run.picked ? ` · the canvas shows ${run.picked.map}’s iteration ${run.picked.index}` : ''}
        </span>
        {run.picked && (
          <button type="button" className="run-head-button" onClick={() => run.pickIteration(null)}>
            Show all iterations
          </button>
        )}
        {!hidden && <Legend />}
        <button
          type="button"
          className="run-toggle"
          aria-expanded={!hidden}
          aria-label={hidden ? 'Show run panel' : 'Hide run panel'}
          title={hidden ? 'Show the run panel' : 'Hide the run panel to give the diagram the whole height'}
          onClick={() => setLayout((l) => ({ ...l, hidden: !l.hidden }))}
        >
          {hidden ? '▲ Show run panel' : '▼ Hide run panel'}
        </button>
      </header>
      {!hidden && (
        <div className="run-body">
          <div className="run-col run-left">
            <Controls run={run} />
            <InputEditor run={run} />
            <MockEditor run={run} definition={definition} />
          </div>
          <div className="run-col run-mid">
            <Outcome run={run} />
            <Callbacks waiting={run.waiting} onMessage={run.setMessage} />
            <Inspector run={run} state={selectedState ?? run.paused?.state ?? null} definition={definition} />
          </div>
          <div className="run-col run-right">
            <div className="run-tabs" role="tablist">
              <button type="button" role="tab" aria-selected={tab === 'history'} onClick={() => setTab('history')}>
                History
              </button>
              <button type="button" role="tab" aria-selected={tab === 'timeline'} onClick={() => setTab('timeline')}>
                Timeline
              </button>
            </div>
            {tab === 'history' ? (
              <HistoryTable events={run.data.events} ended={run.phase === 'ended'} onMessage={run.setMessage} path={run.path} />
            ) : (
              <Timeline events={run.data.events} />
            )}
          </div>
        </div>
      )}
    </section>
  );
}
