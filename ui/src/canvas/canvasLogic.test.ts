import { copyStates, pasteContainer } from './clipboard';
import { handlesOf } from './StateNode';
import { commandFor, typingIn } from './useCanvasKeys';
import { pinMoved } from './pins';
import { record, start, undo } from '../state/history';
import { sameSnapshot, type Snapshot } from '../state/useDesigner';

const definition = {
  StartAt: 'Charge card',
  States: {
    'Charge card': { Type: 'Task', Resource: 'x', Next: 'a/b' },
    'a/b': { Type: 'Succeed' },
    Fan: { Type: 'Parallel', Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', End: true } } }], End: true },
  },
};

describe('clipboard', () => {
  it('copies states of one container by name, unescaping pointers', () => {
    const clip = copyStates(definition, ['/States/Charge card', '/States/a~1b', '/States/Fan/Branches/0/States/X', '/States/Gone']);
    expect(clip).toEqual({
      container: '/States',
      states: [
        { name: 'Charge card', state: definition.States['Charge card'] },
        { name: 'a/b', state: { Type: 'Succeed' } },
      ],
    });
    expect(copyStates(definition, [])).toBeNull();
    expect(copyStates(definition, ['/States/Gone'])).toBeNull();
  });

  it('pastes into the same container while it exists', () => {
    const clip = { container: '/States/Fan/Branches/0/States', states: [] };
    expect(pasteContainer(definition, clip)).toBe('/States/Fan/Branches/0/States');
    expect(pasteContainer({ States: {} }, clip)).toBe('/States');
  });
});

describe('pins', () => {
  it('pins moved states in a new object and keeps the others', () => {
    const before = { '/States/A': { x: 1, y: 2 } };
    const after = pinMoved(before, [{ id: '/States/B', position: { x: 10.04, y: 20.26 } }]);
    expect(after).toEqual({ '/States/A': { x: 1, y: 2 }, '/States/B': { x: 10, y: 20.3 } });
    expect(before).toEqual({ '/States/A': { x: 1, y: 2 } });
    expect(pinMoved(before, [])).toBe(before);
  });

  it('a move is one undo step of the document snapshot', () => {
    const first: Snapshot = { text: '{}', pins: {} };
    const moved: Snapshot = { text: '{}', pins: pinMoved(first.pins, [{ id: '/States/A', position: { x: 5, y: 5 } }]) };
    let h = record(start(first), moved, sameSnapshot);
    expect(record(h, { ...moved }, sameSnapshot)).toBe(h);
    h = undo(h);
    expect(h.present).toBe(first);
  });
});

describe('canvas shortcuts', () => {
  const key = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) =>
    commandFor({ key, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
  it('maps keys to commands', () => {
    expect([key('Delete'), key('Backspace'), key('d', { ctrlKey: true }), key('c', { metaKey: true }), key('v', { ctrlKey: true })]).toEqual([
      'remove',
      'remove',
      'duplicate',
      'copy',
      'paste',
    ]);
    expect([key('z', { ctrlKey: true }), key('Z', { ctrlKey: true, shiftKey: true }), key('y', { ctrlKey: true })]).toEqual(['undo', 'redo', 'redo']);
    expect([key('d'), key('x', { ctrlKey: true }), key('Delete', { ctrlKey: true })]).toEqual([null, null, null]);
  });

  it('leaves keys typed in text fields alone', () => {
    expect(typingIn(null)).toBe(false);
    const inside = (match: boolean) => ({ closest: (css: string) => (match && css.includes('.cm-editor') ? {} : null) }) as unknown as EventTarget;
    expect(typingIn(inside(true))).toBe(true);
    expect(typingIn(inside(false))).toBe(false);
  });
});

describe('connection handles', () => {
  it('offer what each state type can connect', () => {
    const ids = (kind: string) => handlesOf(kind).map((h) => h.id);
    expect(ids('Choice')).toEqual(['rule', 'default']);
    expect(ids('Task')).toEqual(['next', 'catch']);
    expect(ids('Map')).toEqual(['next', 'catch']);
    expect(ids('Wait')).toEqual(['next']);
    expect([ids('Succeed'), ids('Fail'), ids('Nonsense')]).toEqual([[], [], []]);
    expect(handlesOf('Task').every((h) => h.label.length > 0 && h.title.length > 0)).toBe(true);
  });
});
