// The mock editor's model: the Task states of a workflow and their answers in one test case, in
// Step Functions Local's terms (call ranges "0", "1-3"; each answer a Return or a Throw).
import type { MockEntry, MockedState } from '../ipc/bindings';

/** Names of the Task states in the definition (at any depth), in the order written. */
export function taskStates(definition: unknown): string[] {
  const out: string[] = [];
  const walk = (scope: unknown) => {
    if (!scope || typeof scope !== 'object') return;
    const states = (scope as Record<string, unknown>).States;
    if (!states || typeof states !== 'object') return;
    for (const [name, s] of Object.entries(states as Record<string, unknown>)) {
      if (!s || typeof s !== 'object') continue;
      const o = s as Record<string, unknown>;
      if (o.Type === 'Task') out.push(name);
      walk(o.ItemProcessor);
      walk(o.Iterator);
      if (Array.isArray(o.Branches)) o.Branches.forEach(walk);
    }
  };
  walk(definition);
  return out;
}

/** Every Task state with its answers from the test case (none for a state it does not mock). */
export function editorRows(tasks: string[], saved: MockedState[]): MockedState[] {
  const byName = new Map(saved.map((s) => [s.state, s]));
  const rows = tasks.map((t) => byName.get(t) ?? { state: t, entries: [] });
  // States the case mocks that are not Tasks in this version of the workflow stay as they are.
  for (const s of saved) if (!tasks.includes(s.state)) rows.push(s);
  return rows;
}

/** The call range after the last one (`"0-2"` → `"3"`). */
export function nextRange(entries: MockEntry[]): string {
  let next = 0;
  for (const e of entries) {
    const parts = e.range.split('-').map((n) => Number(n.trim()));
    const last = parts[parts.length - 1];
    if (Number.isInteger(last)) next = Math.max(next, last + 1);
  }
  return String(next);
}

/** Plain words for a call range: "0" → "call 1", "1-3" → "calls 2 to 4". */
export function describeRange(range: string): string {
  const [a, b] = range.split('-').map((n) => Number(n.trim()));
  if (!Number.isInteger(a)) return `calls ${range}`;
  if (b === undefined || !Number.isInteger(b)) return `call ${a + 1}`;
  return `calls ${a + 1} to ${b + 1}`;
}
