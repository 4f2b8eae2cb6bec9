// Zoomed far out, the small print of a diagram (a step's type line, icon, breakpoint button and
// connection handles, the captions on transitions, the dot grid) cannot be read, yet it is painted
// again on every frame of a pan or zoom; in a big workflow that is what makes moving it stutter.
// For a big diagram (`large`), this marks the canvas `data-zoom="far"` below FAR_ZOOM (the
// stylesheet then leaves that small print out: names, colours, problem badges and the lines stay)
// and draws the dot grid only nearer in. A small diagram is always drawn in full (it is cheap, and
// its handles stay there to connect from). It subscribes to one boolean of the viewport, so it
// renders only when the zoom crosses the threshold, never per frame.
import { Background, useStore } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';
import './farView.css';

/** Below this zoom, text smaller than ~6 px on screen: the details are left out. */
export const FAR_ZOOM = 0.45;

export function FarView({ host, large }: { host: RefObject<HTMLDivElement | null>; large: boolean }) {
  const far = useStore((s) => large && s.transform[2] < FAR_ZOOM);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    if (far) el.dataset.zoom = 'far';
    else delete el.dataset.zoom;
  }, [far, host]);
  return far ? null : <Background gap={20} />;
}
