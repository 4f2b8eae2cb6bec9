// What the canvas can do to the document: gestures (drop, connect, delete, duplicate, paste)
// made by the core as lossless edits and recorded as one undo step each; copying; moving states
// (pins); exporting a picture. The canvas calls these; App only wires them in.
import { save } from '@tauri-apps/plugin-dialog';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ipc } from '../ipc/client';
import type { CanvasChange, ImageFormat } from '../ipc/bindings';
import { copyStates, pasteContainer, type Clip } from './clipboard';
import { pinMoved, type Moved } from './pins';
import type { Pins } from '../state/useDesigner';

interface Designer {
  text: string;
  pins: Pins;
  file: { name: string; path: string | null };
  replace: (text: string, carried?: Pins | null) => void;
  setPins: (pins: Pins) => void;
  undo: () => void;
  redo: () => void;
}

export interface CanvasActions {
  /** Makes a gesture; resolves to the pointers of the states it created, or null if refused. */
  change: (change: CanvasChange, done?: string) => Promise<string[] | null>;
  copy: (states: readonly string[]) => number;
  paste: () => Promise<string[] | null>;
  canPaste: () => boolean;
  move: (moved: readonly Moved[]) => void;
  clearPins: () => void;
  exportImage: (format: ImageFormat) => Promise<void>;
  undo: () => void;
  redo: () => void;
}

export function useCanvasActions(
  d: Designer,
  fail: (what: string, failure: unknown) => void,
  say: (status: string) => void,
): CanvasActions {
  const clip = useRef<Clip | null>(null);
  // The latest document and callbacks, read when an action runs: the actions keep their
  // identity across edits, so an edit that leaves the diagram as it was does not render the
  // canvas (it is memoised). They change only when something to paste first appears.
  const latest = useRef({ d, fail, say });
  useLayoutEffect(() => {
    latest.current = { d, fail, say };
  });
  const [hasClip, setHasClip] = useState(false);

  return useMemo(() => {
    const parsed = () => {
      try {
        return JSON.parse(latest.current.d.text) as unknown;
      } catch {
        return null;
      }
    };
    const change = async (c: CanvasChange, done?: string) => {
      const { d } = latest.current;
      try {
        const r = await ipc.canvasChange(d.text, c, d.pins);
        latest.current.d.replace(r.text, r.pins);
        if (done) latest.current.say(done);
        return r.created;
      } catch (failure) {
        latest.current.fail('Could not change the diagram', failure);
        return null;
      }
    };
    const copy = (states: readonly string[]) => {
      const c = copyStates(parsed(), states);
      if (c) {
        clip.current = c;
        setHasClip(true);
        latest.current.say(`Copied ${c.states.length} step${c.states.length === 1 ? '' : 's'}`);
      }
      return c?.states.length ?? 0;
    };
    const paste = async () => {
      const c = clip.current;
      if (!c) return null;
      const container = pasteContainer(parsed(), c);
      return change({ op: 'paste', container, states: c.states, after: null }, `Pasted ${c.states.length} step${c.states.length === 1 ? '' : 's'}`);
    };
    const move = (moved: readonly Moved[]) => latest.current.d.setPins(pinMoved(latest.current.d.pins, moved));
    const clearPins = () => {
      if (Object.keys(latest.current.d.pins).length > 0) latest.current.d.setPins({});
    };
    const exportImage = async (format: ImageFormat) => {
      const stem = latest.current.d.file.name.replace(/(\.asl)?\.json$/i, '');
      const path = await save({
        title: `Export the diagram as ${format.toUpperCase()}`,
        defaultPath: `${stem}.${format}`,
        filters: [{ name: format === 'png' ? 'PNG image' : 'SVG image', extensions: [format] }],
      });
      if (!path) return;
      const { d } = latest.current;
      try {
        await ipc.exportDiagram(d.text, d.pins, path, format);
        latest.current.say(`Exported the diagram to ${path}`);
      } catch (failure) {
        latest.current.fail('Could not export the diagram', failure);
      }
    };
    return {
      change,
      copy,
      paste,
      canPaste: () => hasClip && clip.current !== null,
      move,
      clearPins,
      exportImage,
      undo: () => latest.current.d.undo(),
      redo: () => latest.current.d.redo(),
    };
  }, [hasClip]);
}
