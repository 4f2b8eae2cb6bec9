// Tasks waiting for a callback (.waitForTaskToken with no mocked answer): their token and the
// answers Step Functions accepts: Send success, Send failure, Heartbeat.
import { useState } from 'react';
import type { WaitingTask } from '../ipc/bindings';
import { describeFailure } from '../ipc/client';
import { runIpc } from './client';

export function Callbacks({ waiting, onMessage }: { waiting: WaitingTask[]; onMessage: (m: string) => void }) {
  if (waiting.length === 0) return null;
  return (
    <section className="run-callbacks" aria-label="Tasks waiting for a callback">
      {waiting.map((w) => (
        <Callback key={w.token} task={w} onMessage={onMessage} />
      ))}
    </section>
  );
}

function Callback({ task, onMessage }: { task: WaitingTask; onMessage: (m: string) => void }) {
  const [output, setOutput] = useState('{}');
  const [error, setError] = useState('');
  const [cause, setCause] = useState('');
  const send = (p: Promise<void>, what: string) =>
    void p.then(() => onMessage(`${what} sent to “${task.state}”.`), (f: unknown) => onMessage(describeFailure(f)));
  let outputError: string | null = null;
  try {
    JSON.parse(output);
  } catch (e) {
    outputError = e instanceof Error ? e.message : String(e);
  }
  return (
    <div className="run-callback">
      <p>
        <strong>{task.state}</strong> is waiting for a callback. Token: <code className="token">{task.token}</code>
      </p>
      <label>
        Output (JSON)
        <textarea aria-label={`Callback output for ${task.state}`} value={output} onChange={(e) => setOutput(e.target.value)} />
      </label>
      {outputError && <p className="run-error">Not valid JSON: {outputError}</p>}
      <div className="run-callback-row">
        <button type="button" disabled={outputError !== null} onClick={() => send(runIpc.answer({ kind: 'success', token: task.token, output }), 'Success')}>
          Send success
        </button>
        <input aria-label="Error name" placeholder="Error name" value={error} onChange={(e) => setError(e.target.value)} />
        <input aria-label="Cause" placeholder="Cause" value={cause} onChange={(e) => setCause(e.target.value)} />
        <button
          type="button"
          onClick={() => send(runIpc.answer({ kind: 'failure', token: task.token, error: error || null, cause: cause || null }), 'Failure')}
        >
          Send failure
        </button>
        <button type="button" onClick={() => send(runIpc.answer({ kind: 'heartbeat', token: task.token }), 'Heartbeat')}>
          Heartbeat
        </button>
      </div>
    </div>
  );
}
