// When a frame has reached the screen: a rendering update runs the page's animation-frame
// callbacks, then style, layout and paint; a message posted from such a callback is handled
// only after that paint. Used to start work that must not delay the frame being prepared, and
// to time paints for the e2e measurements.

/** Calls `done` with performance.now() once the frame being prepared has been painted. */
export function afterNextPaint(done: (at: number) => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  });
}
