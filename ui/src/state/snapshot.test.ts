import * as history from './history';
import { changed, recordChange, type Snapshot } from './snapshot';

describe('a change as one undo step', () => {
  const pins = Object.freeze({ '/States/Charge': { x: 420, y: 96 } });
  const start: Snapshot = { text: '{"States":{"Charge":{}}}', pins };

  it('takes the pins a rename carried, and undo restores text and pins together', () => {
    const carried = { '/States/Pay': { x: 420, y: 96 } };
    const after = changed(start, '{"States":{"Pay":{}}}', carried);
    expect(after.pins).toBe(carried);
    let h = recordChange(history.start(start), start, after);
    expect(h.present).toBe(after);
    h = history.undo(h);
    expect(h.present.text).toBe(start.text);
    expect(h.present.pins).toBe(pins);
    expect(history.canUndo(h)).toBe(false);
    expect(history.redo(h).present.pins).toEqual({ '/States/Pay': { x: 420, y: 96 } });
  });

  it('keeps the same pins object when the change left them alone', () => {
    expect(changed(start, 'x', null).pins).toBe(pins);
    expect(changed(start, 'x').pins).toBe(pins);
  });

  it('keeps typing that was not a step yet as a step of its own', () => {
    const typed: Snapshot = { text: start.text + ' ', pins };
    const h = recordChange(history.start(start), typed, changed(typed, 'y'));
    expect(history.undo(h).present).toBe(typed);
    expect(history.undo(history.undo(h)).present).toBe(start);
  });
});
