// The execution input: JSON checked as it is typed, and inputs saved by name beside the workflow.
import { useState } from 'react';
import { describeFailure } from '../ipc/client';
import { runIpc } from './client';
import type { RunState } from './useRun';

export function InputEditor({ run }: { run: RunState }) {
  const [name, setName] = useState('');
  const named = run.setup?.namedInputs ?? [];
  const save = async () => {
    if (!run.path) return;
    try {
      await runIpc.saveInput(run.path, name, run.input);
      await run.refreshSetup();
      run.setMessage(`Saved the input “${name.trim()}”.`);
    } catch (f) {
      run.setMessage(describeFailure(f));
    }
  };
  return (
    <div className="run-input">
      <div className="run-input-head">
        <label htmlFor="run-input-text">Execution input</label>
        {named.length > 0 && (
          <select
            aria-label="Saved inputs"
            value=""
            onChange={(e) => {
              const n = named.find((x) => x.name === e.target.value);
              if (n) run.setInput(n.text);
            }}
          >
            <option value="">Saved inputs…</option>
            {named.map((n) => (
              <option key={n.name} value={n.name}>
                {n.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <textarea
        id="run-input-text"
        aria-label="Execution input"
        spellCheck={false}
        value={run.input}
        aria-invalid={run.inputError !== null}
        onChange={(e) => run.setInput(e.target.value)}
      />
      {run.inputError ? (
        <p className="run-error" role="alert">
          Not valid JSON: {run.inputError}
        </p>
      ) : (
        <p className="run-ok">Valid JSON</p>
      )}
      {run.path && (
        <div className="run-input-save">
          <input aria-label="Input name" placeholder="Name this input" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="button" disabled={!name.trim() || run.inputError !== null} onClick={() => void save()}>
            Save input
          </button>
        </div>
      )}
    </div>
  );
}
