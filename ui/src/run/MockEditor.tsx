// Creating and editing mocked task answers in the app: pick a test case (or name a new one), give
// each Task state a result (Return, JSON) or an error (Throw, error and cause) per call range, and
// save it into the Step Functions Local mock configuration beside the workflow.
import { useEffect, useMemo, useState } from 'react';
import type { MockEntry, MockReply, MockedState } from '../ipc/bindings';
import { describeFailure } from '../ipc/client';
import { runIpc } from './client';
import { describeRange, editorRows, nextRange, taskStates } from './mockModel';
import type { RunState } from './useRun';

const NEW = '\u0000new';

export function MockEditor({ run, definition }: { run: RunState; definition: unknown }) {
  const cases = useMemo(() => run.setup?.testCases ?? [], [run.setup]);
  const tasks = useMemo(() => taskStates(definition), [definition]);
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState('');
  const [newName, setNewName] = useState('');
  const [rows, setRows] = useState<MockedState[]>([]);
  const [loaded, setLoaded] = useState<string | null>(null);
  const path = run.path;
  const editing = choice || run.testCase || cases[0] || NEW;

  useEffect(() => {
    if (!open || !path) return;
    if (editing === NEW) {
      setRows(editorRows(tasks, []));
      setLoaded(NEW);
      return;
    }
    let gone = false;
    runIpc.mockCase(path, run.mocksFile, editing).then(
      (saved) => {
        if (gone) return;
        setRows(editorRows(tasks, saved));
        setLoaded(editing);
      },
      (f: unknown) => run.setMessage(describeFailure(f)),
    );
    return () => {
      gone = true;
    };
    // Reload when the case or the file changes, not on every keystroke in the workflow.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, path, editing, run.mocksFile]);

  if (!path) return null;
  const setEntry = (state: string, i: number, change: (e: MockEntry) => MockEntry | null) =>
    setRows((all) =>
      all.map((r) =>
        r.state !== state
          ? r
          : { ...r, entries: r.entries.flatMap((e, j) => (j === i ? (change(e) ?? []) : [e])) },
      ),
    );
  const addEntry = (state: string) =>
    setRows((all) =>
      all.map((r) => (r.state !== state ? r : { ...r, entries: [...r.entries, { range: nextRange(r.entries), reply: { kind: 'return', json: '{}' } }] })),
    );
  const name = editing === NEW ? newName.trim() : editing;
  const save = async () => {
    try {
      await runIpc.saveMockCase(path, run.mocksFile, name, rows);
      await run.refreshSetup();
      run.setTestCase(name);
      setChoice(name);
      run.setMessage(`Saved the mocked answers of the test case “${name}”.`);
    } catch (f) {
      run.setMessage(describeFailure(f));
    }
  };

  return (
    <details className="run-mocks" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Edit mocked answers</summary>
      <div className="run-mocks-head">
        <label>
          Test case{' '}
          <select aria-label="Test case to edit" value={editing} onChange={(e) => setChoice(e.target.value)}>
            {cases.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
            <option value={NEW}>New test case…</option>
          </select>
        </label>
        {editing === NEW && <input aria-label="New test case name" placeholder="Name the test case" value={newName} onChange={(e) => setNewName(e.target.value)} />}
      </div>
      {loaded === editing && tasks.length === 0 && <p className="run-hint">This workflow has no Task states to mock.</p>}
      {loaded === editing &&
        rows.map((r) => (
          <fieldset key={r.state} className="run-mock-state">
            <legend>{r.state}</legend>
            {r.entries.length === 0 && <p className="run-hint">Not mocked: the task is not answered in this test case.</p>}
            {r.entries.map((e, i) => (
              <Entry
                key={i}
                state={r.state}
                n={i + 1}
                entry={e}
                onChange={(reply) => setEntry(r.state, i, (old) => ({ ...old, reply }))}
                onRemove={() => setEntry(r.state, i, () => null)}
              />
            ))}
            <button type="button" onClick={() => addEntry(r.state)} aria-label={`Add an answer for ${r.state}`}>
              {r.entries.length === 0 ? 'Mock this task' : 'Add an answer for the next call'}
            </button>
          </fieldset>
        ))}
      <button type="button" className="primary" disabled={!name || loaded !== editing} onClick={() => void save()}>
        Save mocked answers
      </button>
    </details>
  );
}

function Entry({ state, n, entry, onChange, onRemove }: { state: string; n: number; entry: MockEntry; onChange: (r: MockReply) => void; onRemove: () => void }) {
  const label = `${state} answer ${n}`;
  const r = entry.reply;
  const jsonError = useMemo(() => {
    if (r.kind !== 'return') return null;
    try {
      JSON.parse(r.json);
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }, [r]);
  return (
    <div className="run-mock-entry">
      <div className="run-mock-row">
        <span>{describeRange(entry.range)}:</span>
        <select
          aria-label={`${label}: kind`}
          value={r.kind}
          onChange={(e) => onChange(e.target.value === 'throw' ? { kind: 'throw', error: 'States.TaskFailed', cause: '' } : { kind: 'return', json: '{}' })}
        >
          <option value="return">Returns a result</option>
          <option value="throw">Throws an error</option>
        </select>
        <button type="button" aria-label={`Remove ${label}`} onClick={onRemove}>
          Remove
        </button>
      </div>
      {r.kind === 'return' ? (
        <>
          <textarea aria-label={`${label}: result`} spellCheck={false} value={r.json} aria-invalid={jsonError !== null} onChange={(e) => onChange({ kind: 'return', json: e.target.value })} />
          {jsonError && <p className="run-error">Not valid JSON: {jsonError}</p>}
        </>
      ) : (
        <div className="run-mock-row">
          <input aria-label={`${label}: error`} placeholder="Error name" value={r.error} onChange={(e) => onChange({ ...r, error: e.target.value })} />
          <input aria-label={`${label}: cause`} placeholder="Cause (optional)" value={r.cause} onChange={(e) => onChange({ ...r, cause: e.target.value })} />
        </div>
      )}
    </div>
  );
}
