// A Parallel state's branches side by side: each branch's states with their status and output.
import type { RunState } from './useRun';
import { parallelBranches } from './iterations';
import { STATUS_LOOK } from './look';

export function Branches({ run, state, definition }: { run: RunState; state: string; definition: unknown }) {
  const branches = parallelBranches(definition, state);
  if (branches.length === 0) return null;
  return (
    <div className="run-stage">
      <h4>Branches</h4>
      <div className="run-branches" aria-label={`Branches of ${state}`}>
        {branches.map((names, i) => (
          <section key={i} className="run-branch" aria-label={`Branch ${i + 1}`}>
            <h5>Branch {i + 1}</h5>
            <ul>
              {names.map((n) => {
                const status = run.data.statuses[n] ?? 'idle';
                const traces = run.data.traces.get(n);
                const output = traces?.[traces.length - 1]?.output;
                return (
                  <li key={n}>
                    <span style={{ color: STATUS_LOOK[status].colour }} title={STATUS_LOOK[status].label}>
                      {STATUS_LOOK[status].icon}
                    </span>{' '}
                    {n}
                    {output !== undefined && output !== null && <pre className="run-json">{JSON.stringify(output, null, 2)}</pre>}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
