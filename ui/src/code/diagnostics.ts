// The validator's problems as CodeMirror lint diagnostics, at the exact text the core marks
// (inside a JSONata expression: the character where it stops making sense).
import type { Diagnostic } from '@codemirror/lint';
import type { EditorState } from '@codemirror/state';
import type { Problem, TextError } from '../ipc/bindings';
import { offsetOf } from './offset';

export function problemDiagnostics(state: EditorState, problems: Problem[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of problems) {
    const start = p.span?.start ?? p.at;
    if (!start) continue;
    const from = offsetOf(state, start.line, start.column);
    const end = p.span ? offsetOf(state, p.span.end.line, p.span.end.column) : from + 1;
    const to = Math.min(Math.max(end, from + 1), state.doc.length);
    out.push({
      from: Math.min(from, to),
      to,
      severity: p.severity,
      source: p.code,
      message: p.hint ? `${p.message} ${p.hint}` : p.message,
    });
  }
  return out;
}

/** The JSON syntax error, when the text does not parse (the problems then are the last text's). */
export function parseDiagnostic(state: EditorState, error: TextError): Diagnostic {
  const from = offsetOf(state, error.line, error.column);
  return { from, to: Math.min(from + 1, state.doc.length), severity: 'error', source: 'JSON', message: error.message };
}
