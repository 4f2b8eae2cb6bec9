// When a frame has reached the screen: a rendering update runs the page's animation-frame
// callbacks, then style, layout and paint; a message posted from such a callback is handled
// only after that paint. Used to start work that must not delay the frame being prepared, to
// show the window's chrome a frame after an edit, and to time paints for the e2e measurements.
import { useEffect, useState } from 'react';

/** Calls `done` with performance.now() once the frame being prepared has been painted. */
export function afterNextPaint(done: (at: number) => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  });
}

/**
 * `value` as it should be shown by the window's chrome (toolbar buttons, the unsaved-changes
 * mark): a change shows one painted frame later. An edit's first frame then holds only what the
 * person is looking at (the diagram, the ASL JSON, the inspector); a toolbar across the window
 * changing in that frame too made WebKit repaint the whole window, diagram included.
 */
export function useShownAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    // A newer value cancels this one: only the latest is ever shown.
    let live = true;
    afterNextPaint(() => live && setShown(value));
    return () => {
      live = false;
    };
  }, [shown, value]);
  return shown;
}
