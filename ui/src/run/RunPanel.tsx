// The run panel under the canvas: input and controls on the left, the clicked state's
import './run.css';
// inspection in the middle, history or timeline on the right.
import { useState } from 'react';
import { Callbacks } from './Callbacks';
import { Controls } from './Controls';
import { HistoryTable } from './HistoryTable';
import { InputEditor } from './InputEditor';
import { Inspector } from './Inspector';
import { Legend } from './Legend';
import { Outcome } from './Outcome';
import { Timeline } from './Timeline';
import type { RunState } from './useRun';

export function RunPanel({ run, selectedState }: { run: RunState; selectedState: string | null }) {
  const [tab, setTab] = useState<'history' | 'timeline'>('history');
  return (
    <section className="run-panel" aria-labelledby="run-title">
      <div className="run-col run-left">
        <h2 id="run-title">Run</h2>
        <Controls run={run} />
        <Legend />
        <InputEditor run={run} />
      </div>
      <div className="run-col run-mid">
        <Outcome run={run} />
        <Callbacks waiting={run.waiting} onMessage={run.setMessage} />
        <Inspector run={run} state={selectedState ?? run.paused?.state ?? null} />
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
          <HistoryTable events={run.data.events} ended={run.phase === 'ended'} onMessage={run.setMessage} />
        ) : (
          <Timeline events={run.data.events} />
        )}
      </div>
    </section>
  );
}
