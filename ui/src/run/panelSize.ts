// The run panel's height: dragged or keyed by the person, kept between the canvas's minimum and
// most of the window, and remembered (with whether it is hidden) for the next start.

export const MIN_PANEL = 140;
/** The canvas keeps at least this many pixels above the panel. */
export const MIN_CANVAS = 260;

/** The panel height for a wanted height in a window `windowHeight` tall. */
export function clampHeight(wanted: number, windowHeight: number): number {
  const most = Math.max(MIN_PANEL, windowHeight - MIN_CANVAS);
  return Math.round(Math.min(Math.max(wanted, MIN_PANEL), most));
}

/** The default: a third of the window, at most 320 px so the canvas keeps room. */
export function defaultHeight(windowHeight: number): number {
  return clampHeight(Math.min(windowHeight / 3, 320), windowHeight);
}

export interface PanelLayout {
  height: number | null;
  hidden: boolean;
}

const KEY = 'statewright.runPanel';

export function loadLayout(storage: Pick<Storage, 'getItem'> | undefined): PanelLayout {
  try {
    const v = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<PanelLayout> | null;
    return { height: typeof v?.height === 'number' ? v.height : null, hidden: v?.hidden === true };
  } catch {
    return { height: null, hidden: false };
  }
}

export function saveLayout(storage: Pick<Storage, 'setItem'> | undefined, layout: PanelLayout): void {
  try {
    storage?.setItem(KEY, JSON.stringify(layout));
  } catch {
    /* storage full or refused: the layout is only a convenience */
  }
}
