// Browsing a Map state's iterations by index: picking one lights up that iteration's own path on
// the canvas (the states inside the Map show their status in that iteration only).
import { useMemo } from 'react';
import { mapIterations, statesInside } from './iterations';
import type { RunState } from './useRun';

/** Above this many iterations the index is typed rather than picked from a list. */
const MAX_LISTED = 500;

export function Iterations({ run, map, definition }: { run: RunState; map: string; definition: unknown }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const indexes = useMemo(() => mapIterations(run.data.events).get(map)?.indexes ?? [], [run.data.events, run.version, map]);
  const inside = useMemo(() => statesInside(definition, map), [definition, map]);
  if (indexes.length === 0) return null;
  const sorted = [...indexes].sort((a, b) => a - b);
  const current = run.picked?.map === map ? run.picked.index : null;
  const at = current === null ? -1 : sorted.indexOf(current);
  const pick = (index: number | null) => run.pickIteration(index === null ? null : { map, index, inside });
  return (
    <div className="run-iterations" role="group" aria-label={`Iterations of ${map}`}>
      <span className="run-iterations-title">
        {map}: {sorted.length} iteration{sorted.length === 1 ? '' : 's'}
      </span>
      <button type="button" aria-label="Previous iteration" disabled={at <= 0} onClick={() => pick(sorted[at - 1])}>
        ◀
      </button>
      {sorted.length <= MAX_LISTED ? (
        <select aria-label="Map iteration" value={current === null ? '' : String(current)} onChange={(e) => pick(e.target.value === '' ? null : Number(e.target.value))}>
          <option value="">All iterations</option>
          {sorted.map((i) => (
            <option key={i} value={i}>
              Iteration {i}
            </option>
          ))}
        </select>
      ) : (
        <input
          type="number"
          aria-label="Map iteration"
          placeholder="All (type an index)"
          min={sorted[0]}
          max={sorted[sorted.length - 1]}
          value={current === null ? '' : current}
          onChange={(e) => {
            const v = e.target.value === '' ? null : Number(e.target.value);
            pick(v === null || !Number.isInteger(v) || !indexes.includes(v) ? null : v);
          }}
        />
      )}
      <button type="button" aria-label="Next iteration" disabled={at >= sorted.length - 1} onClick={() => pick(sorted[at + 1])}>
        ▶
      </button>
      {current !== null && <span className="run-iteration">The canvas shows iteration {current}’s path only.</span>}
    </div>
  );
}
