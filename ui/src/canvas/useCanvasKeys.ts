// Keyboard shortcuts of the diagram: Delete/Backspace, Ctrl+D (duplicate), Ctrl+C / Ctrl+V
// (copy, paste), Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z (undo, redo). They never act while the focus
// is in a text field or the code editor, where those keys edit text.
import { useEffect, useRef } from 'react';

export interface CanvasCommands {
  remove: () => void;
  duplicate: () => void;
  copy: () => unknown;
  paste: () => void;
}

/** Whether a key press belongs to a text field rather than to the diagram. */
export function typingIn(target: EventTarget | null): boolean {
  const el = target as Partial<Element> | null;
  if (!el || typeof el.closest !== 'function') return false;
  return el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .cm-editor') !== null;
}

/** The command a key press asks for, if any. */
export function commandFor(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): keyof CanvasCommands | 'undo' | 'redo' | null {
  const mod = e.ctrlKey || e.metaKey;
  const k = e.key.toLowerCase();
  if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) return 'remove';
  if (!mod) return null;
  if (k === 'd') return 'duplicate';
  if (k === 'c') return 'copy';
  if (k === 'v') return 'paste';
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y') return 'redo';
  return null;
}

export function useCanvasKeys(commands: CanvasCommands, history: { undo: () => void; redo: () => void }) {
  const latest = useRef({ commands, history });
  useEffect(() => {
    latest.current = { commands, history };
  }, [commands, history]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingIn(e.target)) return;
      const command = commandFor(e);
      if (!command) return;
      // Copying text the user selected on the page stays the browser's job.
      if (command === 'copy' && (window.getSelection()?.toString() ?? '') !== '') return;
      e.preventDefault();
      const { commands: c, history: h } = latest.current;
      if (command === 'undo' || command === 'redo') h[command]();
      else c[command]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
