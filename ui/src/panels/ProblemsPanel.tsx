// "Problems": what the validator found, or why the text is not JSON. Clicking a problem shows
// the state it is about on the canvas and its place in the ASL JSON.
import type { Problem, TextError } from '../ipc/bindings';

interface Props {
  problems: Problem[];
  parseError: TextError | null;
  onPick: (problem: Problem) => void;
  onPickParseError: () => void;
}

export function ProblemsPanel({ problems, parseError, onPick, onPickParseError }: Props) {
  const count = problems.length + (parseError ? 1 : 0);
  return (
    <section className="problems" aria-labelledby="problems-title">
      <h2 id="problems-title">
        Problems {count > 0 && <span className="count">{count}</span>}
      </h2>
      {count === 0 && <p className="problems-none">No problems found.</p>}
      <ul>
        {parseError && (
          <li>
            <button className="problem error" onClick={onPickParseError}>
              <span className="problem-severity">Not valid JSON</span>
              <span className="problem-message">
                Line {parseError.line}, column {parseError.column}: {parseError.message}. The diagram shows the last
                version that could be read.
              </span>
            </button>
          </li>
        )}
        {problems.map((p, i) => (
          <li key={`${p.code}-${p.pointer ?? ''}-${i}`}>
            <button className={`problem ${p.severity}`} onClick={() => onPick(p)} data-code={p.code}>
              <span className="problem-severity">{p.severity === 'error' ? 'Error' : 'Warning'}</span>
              <span className="problem-message">
                {p.message}
                {p.hint && <em> {p.hint}</em>}
              </span>
              {p.at && (
                <span className="problem-place">
                  line {p.at.line}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
