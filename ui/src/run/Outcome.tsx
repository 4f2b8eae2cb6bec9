// How the run ended (or where it is paused), and saving it as a mock test case.
import { useState } from 'react';
import { describeFailure } from '../ipc/client';
import { runIpc } from './client';
import type { RunState } from './useRun';
import { caughtSentence } from './caught';

const ENDS: Record<string, string> = {
  SUCCEEDED: 'The execution succeeded.',
  FAILED: 'The execution failed.',
  TIMED_OUT: 'The execution timed out.',
  ABORTED: 'The execution was stopped.',
};

export function Outcome({ run }: { run: RunState }) {
  const [name, setName] = useState('');
  const { end, paused } = run;
  const save = async () => {
    const mocks = run.setup?.mocksPath ?? (run.path ? run.path.replace(/\.asl\.json$|\.json$/, '') + '.mocks.json' : null);
    if (!mocks) return;
    const tests = run.path ? run.path.replace(/\.asl\.json$|\.json$/, '') + '.tests.json' : null;
    try {
      await runIpc.saveTestCase(mocks, tests, name);
      run.setMessage(`Saved the test case “${name.trim()}” in ${mocks}.`);
      await run.refreshSetup();
    } catch (f) {
      run.setMessage(describeFailure(f));
    }
  };
  return (
    <div className="run-outcome" aria-live="polite">
      {run.phase === 'running' && <p>Running… {run.transitions} state entries so far.</p>}
      {paused && (
        <p className="run-paused">
          {paused.caught ? (
            <>{caughtSentence(paused.caught)}</>
          ) : (
            <>
              Paused before <strong>{paused.state}</strong> ({paused.reason}).
            </>
          )}{' '}
          Step runs to the next state; Continue runs on.
        </p>
      )}
      {end && (
        <div className={`run-end run-end-${end.status.toLowerCase()}`}>
          <p>
            <strong>{ENDS[end.status] ?? end.status}</strong> {run.transitions} state entries.
          </p>
          {end.error && (
            <p>
              Error <code>{end.error}</code>
              {end.cause ? `: ${end.cause}` : ''}
            </p>
          )}
          {end.output !== null && end.output !== undefined && <pre className="run-json">{JSON.stringify(end.output, null, 2)}</pre>}
          {run.path && (
            <div className="run-input-save">
              <input aria-label="Test case name" placeholder="Test case name" value={name} onChange={(e) => setName(e.target.value)} />
              <button type="button" disabled={!name.trim()} onClick={() => void save()} title="Save this run's input and task results as a mock test case">
                Save as test case
              </button>
            </div>
          )}
        </div>
      )}
      {run.message && <p className="run-message">{run.message}</p>}
    </div>
  );
}
