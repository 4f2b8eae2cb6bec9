import { canRedo, canUndo, record, redo, start, undo } from './history';

describe('snapshot history', () => {
  it('undoes and redoes exact texts in order', () => {
    let h = start('a');
    h = record(h, 'ab');
    h = record(h, 'abc');
    expect(canRedo(h)).toBe(false);
    h = undo(h);
    expect(h.present).toBe('ab');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe('ab');
    h = redo(h);
    expect(h.present).toBe('abc');
    expect(canRedo(h)).toBe(false);
  });

  it('drops the redo branch on a new edit and ignores no-op records', () => {
    let h = record(record(start('1'), '2'), '3');
    h = undo(h);
    expect(record(h, '2')).toBe(h);
    h = record(h, 'x');
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe('2');
  });
});
