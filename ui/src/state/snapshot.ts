// One moment of the document (its text and the states placed by hand) and how a change becomes
// one undo step. A change made by the core may carry the pins along (a rename moves a state's
// pin to its new name, a deletion drops it): text and pins then change in the same step, so
// undo restores both.
import type { Pin } from '../ipc/bindings';
import * as history from './history';

/** Hand-placed states: state pointer → top-left relative to the box that contains it. */
export type Pins = Readonly<Record<string, Pin>>;

/** One moment of the document. Pins are replaced, never changed in place. */
export interface Snapshot {
  text: string;
  pins: Pins;
}

export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return a.text === b.text && a.pins === b.pins;
}

/** The document after a change to `next`, with the pins the change returned (`null` or absent:
 * the change left them as they were, and the same object is kept). */
export function changed(before: Snapshot, next: string, carried?: Pins | null): Snapshot {
  return { text: next, pins: carried ?? before.pins };
}

/** `h` with a change recorded as one step: `before` (what was on screen, typing included) is
 * kept as a step of its own, then `after` becomes the present. */
export function recordChange(h: history.History<Snapshot>, before: Snapshot, after: Snapshot): history.History<Snapshot> {
  return history.record(history.record(h, before, sameSnapshot), after, sameSnapshot);
}
