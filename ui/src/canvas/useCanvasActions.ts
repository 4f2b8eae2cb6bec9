// What the canvas can do to the document: gestures (drop, connect, delete, duplicate, paste)
// made by the core as lossless edits and recorded as one undo step each; copying; moving states
// (pins); exporting a picture. The canvas calls these; App only wires them in.
import { save } from '@tauri-apps/plugin-dialog';
import { useCallback, useRef } from 'react';
import { ipc } from '../ipc/client';
import type { CanvasChange, ImageFormat } from '../ipc/bindings';
import { copyStates, pasteContainer, type Clip } from './clipboard';
import { pinMoved, type Moved } from './pins';
import type { Pins } from '../state/useDesigner';

interface Designer {
  text: string;
  pins: Pins;
  file: { name: string; path: string | null };
  replace: (text: string) => void;
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

  const change = useCallback(
    async (c: CanvasChange, done?: string) => {
      try {
        const r = await ipc.canvasChange(d.text, c);
        d.replace(r.text);
        if (done) say(done);
        return r.created;
      } catch (failure) {
        fail('Could not change the diagram', failure);
        return null;
      }
    },
    [d, fail, say],
  );

  const parsed = useCallback(() => {
    try {
      return JSON.parse(d.text) as unknown;
    } catch {
      return null;
    }
  }, [d.text]);

  const copy = useCallback(
    (states: readonly string[]) => {
      const c = copyStates(parsed(), states);
      if (c) {
        clip.current = c;
        say(`Copied ${c.states.length} step${c.states.length === 1 ? '' : 's'}`);
      }
      return c?.states.length ?? 0;
    },
    [parsed, say],
  );

  const paste = useCallback(async () => {
    const c = clip.current;
    if (!c) return null;
    const container = pasteContainer(parsed(), c);
    return change({ op: 'paste', container, states: c.states, after: null }, `Pasted ${c.states.length} step${c.states.length === 1 ? '' : 's'}`);
  }, [change, parsed]);

  const move = useCallback((moved: readonly Moved[]) => d.setPins(pinMoved(d.pins, moved)), [d]);

  const clearPins = useCallback(() => {
    if (Object.keys(d.pins).length > 0) d.setPins({});
  }, [d]);

  const exportImage = useCallback(
    async (format: ImageFormat) => {
      const stem = d.file.name.replace(/(\.asl)?\.json$/i, '');
      const path = await save({
        title: `Export the diagram as ${format.toUpperCase()}`,
        defaultPath: `${stem}.${format}`,
        filters: [{ name: format === 'png' ? 'PNG image' : 'SVG image', extensions: [format] }],
      });
      if (!path) return;
      try {
        await ipc.exportDiagram(d.text, d.pins, path, format);
        say(`Exported the diagram to ${path}`);
      } catch (failure) {
        fail('Could not export the diagram', failure);
      }
    },
    [d, fail, say],
  );

  return { change, copy, paste, canPaste: () => clip.current !== null, move, clearPins, exportImage, undo: d.undo, redo: d.redo };
}
