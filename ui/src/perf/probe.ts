// Timestamps for measuring the app from outside (the e2e performance test reads them through
// WebDriver): when the first diagram was painted, and when the latest key or pointer input
// happened, both on the page's clock (performance.now). Read-only for the app: nothing in it
// depends on these values, and recording costs one listener call per input.
import { afterNextPaint } from '../paint';

export interface PerfProbe {
  /** performance.timeOrigin: milliseconds since 1970 at which performance.now() was 0. */
  timeOrigin: number;
  /** performance.now() just after the first frame that showed a state on the canvas. */
  firstDiagramPaint: number | null;
  /** The latest key press or pointer press. */
  lastInput: { type: string; key: string | null; at: number } | null;
  /** The latest named moments inside the app (IPC sent and answered, renders), oldest first. */
  marks: { name: string; at: number }[];
}

declare global {
  interface Window {
    __statewrightPerf?: PerfProbe;
  }
}

export function installProbe(doc: Document = document): PerfProbe {
  const probe: PerfProbe = { timeOrigin: performance.timeOrigin, firstDiagramPaint: null, lastInput: null, marks: [] };
  window.__statewrightPerf = probe;
  const onInput = (e: Event) => {
    probe.lastInput = { type: e.type, key: e instanceof KeyboardEvent ? e.key : null, at: performance.now() };
  };
  doc.addEventListener('keydown', onInput, { capture: true });
  doc.addEventListener('pointerdown', onInput, { capture: true });
  const observer = new MutationObserver(() => {
    if (!doc.querySelector('.react-flow__node [data-state-type]')) return;
    observer.disconnect();
    afterNextPaint((at) => (probe.firstDiagramPaint = at));
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  return probe;
}

/** Records a named moment for the e2e measurements (the latest 100 are kept). */
export function perfMark(name: string): void {
  const probe = window.__statewrightPerf;
  if (!probe) return;
  probe.marks.push({ name, at: performance.now() });
  if (probe.marks.length > 100) probe.marks.splice(0, probe.marks.length - 100);
}
