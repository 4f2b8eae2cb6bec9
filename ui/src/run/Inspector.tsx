// One state's runs: its input, each I/O-processing stage, the variables, errors and retries.
// A state that ran many times (a Map's iterations, a loop) is browsed by pass, with its iteration.
import { useState } from 'react';
import type { RunTrace } from '../ipc/bindings';
import { Branches } from './Branches';
import { errorsAndRetries, formatMillis, iterationOf } from './inspect';
import { Iterations } from './Iterations';
import { enclosingMap } from './iterations';
import { statusOf } from './RunView';
import { STATUS_LOOK } from './look';
import type { RunState } from './useRun';

const STAGES: [keyof RunTrace, string][] = [
  ['input', 'Input'],
  ['afterInputPath', 'After InputPath'],
  ['afterParameters', 'After Parameters'],
  ['result', 'Task result'],
  ['afterResultSelector', 'After ResultSelector'],
  ['afterResultPath', 'After ResultPath'],
  ['output', 'Output'],
];

export function Inspector({ run, state, definition }: { run: RunState; state: string | null; definition: unknown }) {
  const [pick, setPick] = useState<{ state: string | null; n: number; iteration: number | null }>({ state: null, n: 0, iteration: null });
  if (!state) return <p className="run-hint">Click a state on the canvas to see what went in and out of it.</p>;
  const traces = run.data.traces.get(state) ?? [];
  const status = statusOf(run.view, state);
  const inIteration = run.view.focus?.inside.has(state) ? run.view.focus.index : null;
  // A Map iteration picked on the canvas opens this state's pass in that iteration.
  const focusN = inIteration === null ? -1 : traces.findIndex((t) => iterationOf(run.data.events, t.enteredEvent) === inIteration);
  const n =
    pick.state === state && pick.iteration === inIteration ? Math.min(pick.n, Math.max(traces.length - 1, 0)) : Math.max(focusN, 0);
  const trace = traces[n];
  const { errors, retries } = errorsAndRetries(run.data.events, state);
  const iteration = trace ? iterationOf(run.data.events, trace.enteredEvent) : null;
  const paused = run.paused?.state === state ? run.paused : null;
  const map = enclosingMap(definition, state);
  return (
    <div className="run-inspector" aria-label={`Inspection of ${state}`}>
      <h3>
        {state} <span style={{ color: STATUS_LOOK[status].colour }}>{STATUS_LOOK[status].icon} {STATUS_LOOK[status].label}
          {inIteration !== null ? ` in iteration ${inIteration}` : ''}</span>
      </h3>
      {map && <Iterations run={run} map={map} definition={definition} />}
      <Branches run={run} state={state} definition={definition} />
      {paused && (
        <div className="run-stage">
          <h4>Input (paused before entering)</h4>
          <pre className="run-json">{JSON.stringify(paused.input, null, 2)}</pre>
        </div>
      )}
      {traces.length > 1 && (
        <div className="run-pass">
          <button type="button" aria-label="Previous pass" disabled={n === 0} onClick={() => setPick({ state, n: n - 1, iteration: inIteration })}>
            ◀
          </button>
          <label>
            Pass{' '}
            <input
              type="number"
              aria-label="Pass number"
              min={1}
              max={traces.length}
              value={n + 1}
              onChange={(e) => setPick({ state, n: Math.max(0, Number(e.target.value) - 1), iteration: inIteration })}
            />{' '}
            of {traces.length}
          </label>
          <button type="button" aria-label="Next pass" disabled={n >= traces.length - 1} onClick={() => setPick({ state, n: n + 1, iteration: inIteration })}>
            ▶
          </button>
          {iteration !== null && <span className="run-iteration">Map iteration {iteration}</span>}
        </div>
      )}
      {traces.length === 1 && iteration !== null && <p className="run-iteration">Map iteration {iteration}</p>}
      {!trace && !paused && <p className="run-hint">This state has not finished a pass yet.</p>}
      {trace &&
        STAGES.filter(([k]) => trace[k] !== null && trace[k] !== undefined).map(([k, label]) => (
          <div className="run-stage" key={String(k)}>
            <h4>{label}</h4>
            <pre className="run-json">{JSON.stringify(trace[k], null, 2)}</pre>
          </div>
        ))}
      {trace && Object.keys(trace.variables).length > 0 && (
        <div className="run-stage">
          <h4>Variables</h4>
          <pre className="run-json">{JSON.stringify(trace.variables, null, 2)}</pre>
        </div>
      )}
      {errors.length > 0 && (
        <div className="run-stage">
          <h4>Errors</h4>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>
                <code>{e.error || e.kind}</code> {e.cause}
              </li>
            ))}
          </ul>
        </div>
      )}
      {retries.length > 0 && (
        <div className="run-stage">
          <h4>Retries</h4>
          <ul>
            {retries.map((r) => (
              <li key={r.attempt}>
                Retry {r.attempt} after {r.after}, waited {formatMillis(r.delay)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
