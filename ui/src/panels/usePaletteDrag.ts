// Dragging a palette item onto the canvas with plain mouse events (mousedown, mousemove,
// mouseup) rather than HTML5 drag and drop, so it behaves the same with a mouse, a touchpad and
// WebDriver's pointer actions. The canvas hears about the drag through window events (see
// PALETTE_DRAG / PALETTE_DROP) and decides where the item lands.
import { useCallback, useEffect, useRef, useState } from 'react';

/** Fired on window while an item is dragged, and when it is dropped: `detail` is a PaletteDrag. */
export const PALETTE_DRAG = 'statewright:palette-drag';
export const PALETTE_DROP = 'statewright:palette-drop';

export interface PaletteDrag {
  item: string;
  label: string;
  x: number;
  y: number;
}

/** How far (px) the pointer must move before a press becomes a drag rather than a click. */
const THRESHOLD = 5;

export function usePaletteDrag() {
  const [ghost, setGhost] = useState<PaletteDrag | null>(null);
  const dragged = useRef(false);
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);

  const onMouseDown = useCallback((e: React.MouseEvent, item: string, label: string) => {
    if (e.button !== 0) return;
    e.preventDefault();
    dragged.current = false;
    const from = { x: e.clientX, y: e.clientY };
    const send = (type: string, x: number, y: number) =>
      window.dispatchEvent(new CustomEvent<PaletteDrag>(type, { detail: { item, label, x, y } }));
    const move = (m: MouseEvent) => {
      if (!dragged.current && Math.hypot(m.clientX - from.x, m.clientY - from.y) < THRESHOLD) return;
      dragged.current = true;
      setGhost({ item, label, x: m.clientX, y: m.clientY });
      send(PALETTE_DRAG, m.clientX, m.clientY);
    };
    const up = (u: MouseEvent) => {
      stop.current?.();
      setGhost(null);
      if (dragged.current) send(PALETTE_DROP, u.clientX, u.clientY);
    };
    stop.current = () => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
      stop.current = null;
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  }, []);

  /** True once (for the click that ends a drag), so a drag does not also add by click. */
  const wasDragged = useCallback(() => {
    const was = dragged.current;
    dragged.current = false;
    return was;
  }, []);

  return { ghost, onMouseDown, wasDragged };
}
