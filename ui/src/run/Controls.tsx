// Run, Pause, Step, Continue, Stop and Restart; the speed; the mock configuration and test case.
import { open } from '@tauri-apps/plugin-dialog';
import { SpeedPicker } from './SpeedPicker';
import type { RunState } from './useRun';

const fileName = (p: string) => p.split(/[\\/]/).pop() ?? p;

export function Controls({ run }: { run: RunState }) {
  const live = run.phase === 'running' || run.phase === 'paused';
  const cases = run.setup?.testCases ?? [];
  return (
    <div className="run-controls">
      <div className="run-buttons" role="toolbar" aria-label="Execution controls">
        <button
          type="button"
          className="primary"
          disabled={live || run.inputError !== null}
          onClick={() => void run.start(false)}
          title="Run the workflow with this input"
        >
          Run
        </button>
        <button type="button" disabled={live} onClick={() => void run.start(true)} title="Start and pause before the first state">
          Start paused
        </button>
        <button type="button" disabled={run.phase !== 'running'} onClick={() => run.act('pause')}>
          Pause
        </button>
        <button type="button" disabled={run.phase !== 'paused'} onClick={() => run.act('step')} title="Run to the next state, then pause">
          Step
        </button>
        <button type="button" disabled={run.phase !== 'paused'} onClick={() => run.act('continue')}>
          Continue
        </button>
        <button type="button" disabled={!live} onClick={() => run.act('stop')}>
          Stop
        </button>
        <button type="button" disabled={run.phase === 'idle'} onClick={() => void run.start(false)} title="Stop and run again from the start">
          Restart
        </button>
      </div>
      <div className="run-options">
        <SpeedPicker speed={run.speed} setSpeed={run.setSpeed} disabled={live} />
        <label title={run.setup?.mocksPath ?? 'No mock configuration beside this workflow'}>
          Mocked answers{' '}
          <select aria-label="Test case" value={run.testCase} onChange={(e) => run.setTestCase(e.target.value)} disabled={live}>
            <option value="">None (tasks are not answered)</option>
            {cases.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={run.breakOnError} onChange={(e) => run.setBreakOnError(e.target.checked)} /> Pause on any error
        </label>
        <label title="Pause before the state a Catch goes to, saying which error it caught">
          <input type="checkbox" checked={run.breakOnCatch} onChange={(e) => run.setBreakOnCatch(e.target.checked)} /> Pause when an error is caught
        </label>
      </div>
      {run.path && (
        <div className="run-mock-file">
          <span title={run.setup?.mocksPath ?? 'No mock configuration yet: saving mocked answers creates one beside the workflow'}>
            Mock file: {run.setup?.mocksPath ? fileName(run.setup.mocksPath) : 'none beside the workflow'}
          </span>
          <button
            type="button"
            disabled={live}
            onClick={() =>
              void open({ multiple: false, directory: false, filters: [{ name: 'Mock configuration', extensions: ['json'] }], title: 'Choose a mock configuration' }).then(
                (p) => typeof p === 'string' && run.setMocksFile(p),
                () => undefined,
              )
            }
          >
            Choose mock file…
          </button>
          {run.mocksFile && (
            <button type="button" disabled={live} onClick={() => run.setMocksFile(null)}>
              Use the one beside the workflow
            </button>
          )}
        </div>
      )}
      {run.setup?.mocksProblem && <p className="run-note">{run.setup.mocksProblem}</p>}
    </div>
  );
}
