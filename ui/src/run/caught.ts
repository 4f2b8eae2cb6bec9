// The plain-words sentence for a pause at a Catch: which state failed, with which error, which of
// its Catch rules handled it (only said when it has several) and the state the run goes to next.
import type { CaughtAt } from '../ipc/bindings';

export function caughtSentence(c: CaughtAt): string {
  const error = c.error ? `failed with ${c.error}` : 'failed with an unnamed error';
  const rule = c.rules > 1 ? `its Catch rule ${c.rule} of ${c.rules}` : 'its Catch';
  return `Paused: “${c.state}” ${error} and ${rule} goes to “${c.next}”.`;
}
