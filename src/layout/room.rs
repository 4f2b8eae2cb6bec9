//! Room around pinned states: the states the layout places itself give way to the ones the user
//! placed by hand.
//!
//! A pinned box is an obstacle (grown by [`CLEARANCE`] on every side). A box of a rank that
//! would touch one is moved along the cross axis to the nearer free place beside it: before it
//! when there is room there (never past the box before it in the rank, never out of the
//! picture), after it otherwise; the boxes and long-edge corridors after it in the rank follow,
//! so the rank keeps its order and spacing.
//! [`make_room`] does this on the cross centres the router works from, so the edges are routed
//! again around the new places; [`settle`] does it on the final boxes, as the last word that
//! holds whatever the routing did. Guarantee after [`settle`]: no unpinned box overlaps a pinned
//! one or another unpinned one of its scope. Two pinned boxes may overlap: the user put them
//! there.

use super::layered::Axes;
use super::order::Virtual;
use super::place::{NODE_GAP, separation};

/// Space kept free around a pinned box.
pub(super) const CLEARANCE: f64 = 16.0;

/// A pinned box grown by the clearance: `[low, high]` along the cross and the main axis.
pub(super) struct Obstacle {
    cross: [f64; 2],
    main: [f64; 2],
}

/// The obstacles of the pinned items (`pins`: top-left in real coordinates; `size`:
/// `[cross, main]` sizes).
pub(super) fn obstacles(axes: Axes, pins: &[Option<[f64; 2]>], size: &[[f64; 2]]) -> Vec<Obstacle> {
    pins.iter()
        .zip(size)
        .filter_map(|(p, s)| {
            let p = axes.split((*p)?);
            Some(Obstacle {
                cross: [p[0] - CLEARANCE, p[0] + s[0] + CLEARANCE],
                main: [p[1] - CLEARANCE, p[1] + s[1] + CLEARANCE],
            })
        })
        .collect()
}

/// Whether a box with low edge `lo`, cross size `width`, spanning `main` touches `o` (moved by
/// `shift` along the cross axis).
fn touches(o: &Obstacle, lo: f64, width: f64, main: [f64; 2], shift: f64) -> bool {
    o.main[0] < main[1]
        && main[0] < o.main[1]
        && o.cross[0] + shift < lo + width
        && lo < o.cross[1] + shift
}

/// The least low edge `≥ lo` at which a box of cross size `width` spanning `main` touches no
/// obstacle (obstacles moved by `shift` along the cross axis).
fn clear_after(lo: f64, width: f64, main: [f64; 2], obstacles: &[Obstacle], shift: f64) -> f64 {
    let mut lo = lo;
    // Each pass jumps past every obstacle it hits, for good (`lo` only grows): at most one pass
    // per obstacle, and a last one that finds none.
    for _ in 0..=obstacles.len() {
        let past = obstacles
            .iter()
            .filter(|o| touches(o, lo, width, main, shift))
            .map(|o| o.cross[1] + shift)
            .fold(f64::NEG_INFINITY, f64::max);
        if past == f64::NEG_INFINITY {
            break;
        }
        lo = past;
    }
    lo
}

/// The greatest low edge `≤ lo` and `≥ min` at which the box touches no obstacle, if any.
fn clear_before(
    lo: f64,
    width: f64,
    main: [f64; 2],
    obstacles: &[Obstacle],
    shift: f64,
    min: f64,
) -> Option<f64> {
    let mut lo = lo;
    for _ in 0..=obstacles.len() {
        let before = obstacles
            .iter()
            .filter(|o| touches(o, lo, width, main, shift))
            .map(|o| o.cross[0] + shift - width)
            .fold(f64::INFINITY, f64::min);
        if before == f64::INFINITY {
            return (lo >= min).then_some(lo);
        }
        if before < min {
            return None;
        }
        lo = before;
    }
    None
}

/// Where a box wanted with its low edge at `lo` touches no obstacle: the nearer of the free
/// places after and before it (before only down to `min`, so it never passes the box before
/// it in its rank or leaves the picture; on a tie, after).
fn clear_of(
    lo: f64,
    width: f64,
    main: [f64; 2],
    obstacles: &[Obstacle],
    shift: f64,
    min: f64,
) -> f64 {
    let after = clear_after(lo, width, main, obstacles, shift);
    if after == lo {
        return lo;
    }
    match clear_before(lo, width, main, obstacles, shift, min) {
        Some(before) if lo - before < after - lo => before,
        _ => after,
    }
}

/// Moves the cross centres `cross` (the router's frame: the result's frame plus `shift`) of the
/// unpinned nodes that hit an obstacle, and of those after them in their rank as far as the
/// spacing needs. `main[u]` is real node `u`'s extent along the main axis in the result's
/// frame; `size` the cross sizes of all nodes. True when something moved.
#[allow(clippy::too_many_arguments)]
pub(super) fn make_room(
    v: &Virtual,
    layers: &[Vec<usize>],
    size: &[f64],
    pinned: &[bool],
    main: &[[f64; 2]],
    obstacles: &[Obstacle],
    shift: f64,
    cross: &mut [f64],
) -> bool {
    let mut changed = false;
    for layer in layers {
        let mut prev: Option<usize> = None;
        for &u in layer {
            let real = u < v.real;
            if real && pinned[u] {
                continue;
            }
            let mut c = cross[u];
            let mut least = f64::NEG_INFINITY;
            if let Some(p) = prev {
                least = cross[p] + separation(v, size, p, u);
                c = c.max(least);
            }
            if real {
                let lo = c - size[u] / 2.0;
                let min = (least - size[u] / 2.0).max(shift);
                let cleared = clear_of(lo, size[u], main[u], obstacles, shift, min);
                if cleared != lo {
                    c = cleared + size[u] / 2.0;
                }
            }
            if c != cross[u] {
                cross[u] = c;
                changed = true;
            }
            prev = Some(u);
        }
    }
    changed
}

/// Pushes the unpinned boxes (top-left `pos` in real coordinates, `[cross, main]` sizes `size`)
/// that touch an obstacle or the box before them in their rank. Which boxes moved.
pub(super) fn settle(
    layers: &[Vec<usize>],
    size: &[[f64; 2]],
    pinned: &[bool],
    obstacles: &[Obstacle],
    axes: Axes,
    pos: &mut [[f64; 2]],
) -> Vec<bool> {
    let real = pos.len();
    let mut moved = vec![false; real];
    for layer in layers {
        let mut free_from = f64::NEG_INFINITY;
        for &u in layer.iter().filter(|&&u| u < real && !pinned[u]) {
            let p = axes.split(pos[u]);
            // Rounding may leave neighbours a hair closer than the gap: that is no collision.
            let lo = if p[0] + 1e-6 < free_from { free_from } else { p[0] };
            let main = [p[1], p[1] + size[u][1]];
            let lo = clear_of(lo, size[u][0], main, obstacles, 0.0, free_from.max(0.0));
            if lo != p[0] {
                pos[u] = axes.join([lo, p[1]]);
                moved[u] = true;
            }
            free_from = lo + size[u][0] + NODE_GAP;
        }
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_box_jumps_past_every_obstacle_it_would_touch() {
        let o = |c0: f64, c1: f64| Obstacle { cross: [c0, c1], main: [0.0, 10.0] };
        let obstacles = [o(100.0, 200.0), o(190.0, 300.0), o(400.0, 500.0)];
        let after = |lo, width, shift| clear_after(lo, width, [5.0, 6.0], &obstacles, shift);
        // Clear already, or beside along the main axis: stays.
        assert_eq!(clear_after(0.0, 50.0, [0.0, 10.0], &obstacles, 0.0), 0.0);
        assert_eq!(clear_after(120.0, 50.0, [10.0, 20.0], &obstacles, 0.0), 120.0);
        // Hits the first, then the second that overlaps it; the third leaves room enough.
        assert_eq!(after(80.0, 50.0, 0.0), 300.0);
        // Too wide for the room between the second and the third.
        assert_eq!(after(80.0, 150.0, 0.0), 500.0);
        // In the router's frame, obstacles are shifted.
        assert_eq!(after(80.0, 50.0, 1000.0), 80.0);
        // Backwards: before the first, unless that is below the limit.
        let before = |lo, min| clear_before(lo, 50.0, [5.0, 6.0], &obstacles, 0.0, min);
        assert_eq!(before(250.0, 0.0), Some(50.0));
        assert_eq!(before(250.0, 60.0), None);
        assert_eq!(before(350.0, 0.0), Some(350.0));
        assert_eq!(before(420.0, 0.0), Some(350.0));
        // The nearer side wins; ties and blocked backward moves go forward.
        let near = |lo, min| clear_of(lo, 50.0, [5.0, 6.0], &obstacles, 0.0, min);
        assert_eq!(near(60.0, 0.0), 50.0);
        assert_eq!(near(250.0, 0.0), 300.0);
        assert_eq!(near(60.0, 55.0), 300.0);
        assert_eq!(near(420.0, 0.0), 350.0);
        assert_eq!(near(425.0, 0.0), 500.0);
        assert_eq!(near(475.0, 0.0), 500.0);
    }
}
