//! Step 4 of the layered layout: orthogonal edge routing, rank spacing and label places.
//!
//! Edges leave a box through ports spread along its bottom (right when flowing right), ordered
//! by where they go, and enter the target at the middle of its top, so edges into one state
//! merge. Horizontal jogs run in the gaps between ranks, each on a *track*; tracks are assigned
//! so jogs never overlap, except jogs into the same port, which share one (they merge). Long
//! edges run straight through their dummy corridors. Back edges (loops) go out to a lane on the
//! left of the ranks they span and come back into the target's top-left corner; long Catch edges
//! go out to one shared channel per handler on the right, the handler being last in its rank,
//! and enter its side. Gaps grow to fit their tracks and the labels of the edges leaving the
//! rank above, so nothing overlaps by construction.

use super::Direction;
use super::layered::{Axes, Link, Route};
use super::metrics::{LABEL_HEIGHT, label_width};
use super::order::Virtual;
use super::rank::Role;

/// Smallest gap between ranks: room for one label row and one track, so adding a label or a
/// jog rarely pushes the rest of the diagram down (stability under edits).
const MIN_GAP: f64 = 56.0;
/// The same flowing right, where labels run along the flow: room for a label of about 16
/// characters ("States.TaskFailed", "$.amount > 1000") and a track.
const MIN_GAP_RIGHT: f64 = 150.0;
const TRACK: f64 = 9.0;
const LANE_GAP: f64 = 22.0;
const LANE_STEP: f64 = 11.0;
const LOOP: f64 = 18.0;

pub(super) struct Scene<'a> {
    pub v: &'a Virtual,
    pub layers: &'a [Vec<usize>],
    /// `[cross, main]` sizes of all nodes.
    pub size: &'a [[f64; 2]],
    /// Cross centers of all nodes.
    pub cross: &'a [f64],
    pub axes: Axes,
}

/// Where along the main axis a point is, resolved once rank spacing is known.
#[derive(Debug, Clone, Copy)]
enum At {
    Top(usize),
    Bottom(usize),
    Mid(usize, f64),
    Track(usize),
}

/// A jog's sharing key: jogs with the same key may share a track.
type Group = Option<(usize, i64)>;

struct Seg {
    gap: usize,
    lo: f64,
    hi: f64,
    group: Group,
    track: usize,
}

/// Centers `[cross, main]` of all nodes and a real-coordinate route per link.
pub(super) fn route(s: &Scene, links: &[Link], roles: &[Role]) -> (Vec<[f64; 2]>, Vec<Route>) {
    let v = s.v;
    let c = s.cross;
    let ranks = s.layers.len();
    let half = |u: usize| s.size[u][0] / 2.0;
    // Extents of each rank along the cross axis.
    let mut ext = vec![(f64::INFINITY, f64::NEG_INFINITY); ranks];
    for (r, layer) in s.layers.iter().enumerate() {
        for &u in layer {
            ext[r].0 = ext[r].0.min(c[u] - half(u));
            ext[r].1 = ext[r].1.max(c[u] + half(u));
        }
    }
    let range_ext = |a: usize, b: usize| {
        ext[a.min(b)..=a.max(b)]
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |acc, e| (acc.0.min(e.0), acc.1.max(e.1)))
    };
    // Out ports.
    let mut outs: Vec<Vec<(f64, usize)>> = vec![Vec::new(); v.real];
    for (l, link) in links.iter().enumerate() {
        let key = match roles[l] {
            Role::SelfLoop => continue,
            Role::Back => f64::NEG_INFINITY,
            Role::Bus => f64::INFINITY,
            Role::Forward => v.chains[l].as_ref().map_or(c[link.to], |ch| c[ch[1]]),
        };
        outs[link.from].push((key, l));
    }
    let mut port = vec![0.0; links.len()];
    let mut label_row = vec![0usize; links.len()];
    let mut band = vec![0.0f64; ranks + 1];
    for (u, list) in outs.iter_mut().enumerate() {
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        // Forward edges share the bottom evenly (one alone leaves from the middle, so the main
        // flow is straight); loops leave near the left corner, bus edges near the right one.
        // Flowing down, a bundle shares a port and its labels stack below it; flowing right,
        // every edge has its own port with its label just above its line.
        let bundle = |l: usize| {
            let link = &links[l];
            match s.axes.0 {
                Direction::Down => (link.to, link.catch, link.label.is_some()),
                Direction::Right => (l, false, false),
            }
        };
        // Flowing right, loops and bus edges take their turn in the even spread too, so that
        // every exit keeps a label's height from the next.
        let corners = s.axes.0 == Direction::Down;
        let spread = |key: f64| key.is_finite() || !corners;
        let mut keys: Vec<(usize, bool, bool)> =
            list.iter().filter(|e| spread(e.0)).map(|e| bundle(e.1)).collect();
        keys.dedup();
        let forward = keys.len() as f64;
        let mut last_key = None;
        let (left, right) = (c[u] - half(u), c[u] + half(u));
        let mut row = 0;
        let mut k = 0.0;
        for &(key, l) in list.iter() {
            port[l] = if key == f64::NEG_INFINITY && corners {
                left + (half(u) / 4.0).min(10.0)
            } else if key == f64::INFINITY && corners {
                right - (half(u) / 4.0).min(10.0)
            } else {
                if last_key != Some(bundle(l)) {
                    k += 1.0;
                    last_key = Some(bundle(l));
                }
                if forward == 1.0 { c[u] } else { left + 2.0 * half(u) * k / (forward + 1.0) }
            };
            if let Some(label) = &links[l].label {
                label_row[l] = row;
                row += 1;
                let g = v.rank[u] + 1;
                band[g] = band[g].max(match s.axes.0 {
                    Direction::Down => row as f64 * LABEL_HEIGHT + 4.0,
                    Direction::Right => label_width(label) + 6.0,
                });
            }
        }
    }
    // Lanes.
    let mut bus_lane: Vec<(usize, f64)> = Vec::new();
    let mut back_lanes: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut lane = vec![0.0; links.len()];
    let mut back: Vec<usize> = (0..links.len()).filter(|&l| roles[l] == Role::Back).collect();
    back.sort_by_key(|&l| (v.rank[links[l].from] - v.rank[links[l].to], l));
    for &l in &back {
        let (a, b) = (v.rank[links[l].to], v.rank[links[l].from]);
        let k = back_lanes
            .iter()
            .position(|ivs| ivs.iter().all(|&(x, y)| y < a || x > b))
            .unwrap_or(back_lanes.len());
        if k == back_lanes.len() {
            back_lanes.push(Vec::new());
        }
        back_lanes[k].push((a, b));
        lane[l] = range_ext(a, b).0 - LANE_GAP - k as f64 * LANE_STEP;
    }
    for (l, link) in links.iter().enumerate() {
        if roles[l] != Role::Bus {
            continue;
        }
        let lo = links
            .iter()
            .enumerate()
            .filter(|&(m, o)| roles[m] == Role::Bus && o.to == link.to)
            .map(|(_, o)| v.rank[o.from] + 1)
            .min()
            .unwrap_or(0);
        let j = match bus_lane.iter().position(|b| b.0 == link.to) {
            Some(j) => j,
            None => {
                let x = range_ext(lo, v.rank[link.to]).1 + LANE_GAP;
                bus_lane.push((link.to, x + bus_lane.len() as f64 * LANE_STEP));
                bus_lane.len() - 1
            }
        };
        lane[l] = bus_lane[j].1;
    }
    // Plans: points with symbolic main positions, and jogs in gaps.
    let mut segs: Vec<Seg> = Vec::new();
    let jog = |segs: &mut Vec<Seg>, pts: &mut Vec<(f64, At)>, gap, a: f64, b: f64, group| {
        if (a - b).abs() > 0.5 {
            segs.push(Seg { gap, lo: a.min(b), hi: a.max(b), group, track: 0 });
            let id = segs.len() - 1;
            pts.push((a, At::Track(id)));
            pts.push((b, At::Track(id)));
        }
    };
    let mut plans: Vec<Vec<(f64, At)>> = Vec::with_capacity(links.len());
    for (l, link) in links.iter().enumerate() {
        let (u, t) = (link.from, link.to);
        let mut pts = vec![(port[l], At::Bottom(u))];
        match roles[l] {
            Role::SelfLoop => {
                let x = c[u] + half(u);
                pts = vec![
                    (x, At::Mid(u, -10.0)),
                    (x + LOOP, At::Mid(u, -10.0)),
                    (x + LOOP, At::Mid(u, 10.0)),
                    (x, At::Mid(u, 10.0)),
                ];
            }
            Role::Forward => {
                let chain = v.chains[l].clone().unwrap_or_else(|| vec![u, t]);
                for (i, w) in chain.windows(2).enumerate() {
                    let a = if i == 0 { port[l] } else { c[w[0]] };
                    let b = c[w[1]];
                    // Jogs of one bundle (same dummies) or into one target share a track.
                    let group = Some(if w[1] == t { (t, 0) } else { (w[1], 2) });
                    jog(&mut segs, &mut pts, v.rank[w[0]] + 1, a, b, group);
                }
                pts.push((c[t], At::Top(t)));
            }
            Role::Bus => {
                jog(&mut segs, &mut pts, v.rank[u] + 1, port[l], lane[l], Some((t, 1)));
                pts.push((lane[l], At::Mid(t, 0.0)));
                pts.push((c[t] + half(t), At::Mid(t, 0.0)));
            }
            Role::Back => {
                let into = c[t] - half(t) + (half(t) / 2.0).min(16.0);
                jog(&mut segs, &mut pts, v.rank[u] + 1, port[l], lane[l], None);
                jog(&mut segs, &mut pts, v.rank[t], lane[l], into, None);
                pts.push((into, At::Top(t)));
            }
        }
        plans.push(pts);
    }
    // Tracks.
    let mut order: Vec<usize> = (0..segs.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&segs[a], &segs[b]);
        x.gap.cmp(&y.gap).then(x.lo.total_cmp(&y.lo)).then(x.hi.total_cmp(&y.hi)).then(a.cmp(&b))
    });
    let mut tracks = vec![0usize; ranks + 1];
    let mut busy: Vec<Vec<(f64, f64, Group)>> = Vec::new();
    let mut current_gap = usize::MAX;
    for &i in &order {
        if segs[i].gap != current_gap {
            current_gap = segs[i].gap;
            busy.clear();
        }
        let (lo, hi, group) = (segs[i].lo, segs[i].hi, segs[i].group);
        let fits = |t: &Vec<(f64, f64, Group)>| {
            t.iter()
                .all(|&(a, b, g)| b + 6.0 < lo || a > hi + 6.0 || (group.is_some() && g == group))
        };
        let k = busy.iter().position(fits).unwrap_or(busy.len());
        if k == busy.len() {
            busy.push(Vec::new());
        }
        busy[k].push((lo, hi, group));
        segs[i].track = k;
        let g = segs[i].gap.min(ranks);
        tracks[g] = tracks[g].max(k + 1);
    }
    // Rank spacing.
    let row_h: Vec<f64> = s
        .layers
        .iter()
        .map(|layer| layer.iter().map(|&u| s.size[u][1]).fold(0.0, f64::max))
        .collect();
    let gap_size = |g: usize| {
        let used = band[g] + 12.0 + tracks[g] as f64 * TRACK + 16.0;
        if g == 0 || g == ranks {
            if tracks[g] > 0 || band[g] > 0.0 { used } else { 0.0 }
        } else {
            used.max(match s.axes.0 {
                Direction::Down => MIN_GAP,
                Direction::Right => MIN_GAP_RIGHT,
            })
        }
    };
    let mut gap_start = vec![0.0; ranks + 1];
    let mut row_top = vec![0.0; ranks];
    let mut m = 0.0;
    for r in 0..=ranks {
        gap_start[r] = m;
        m += gap_size(r);
        if r < ranks {
            row_top[r] = m;
            m += row_h[r];
        }
    }
    // Boxes hang from the top of their row, so a short box sits right under what leads to it.
    let mid = |u: usize| row_top[v.rank[u]] + s.size[u][1] / 2.0;
    let centers: Vec<[f64; 2]> = (0..v.len()).map(|u| [c[u], mid(u)]).collect();
    let resolve = |at: At| match at {
        At::Top(u) => mid(u) - s.size[u][1] / 2.0,
        At::Bottom(u) => mid(u) + s.size[u][1] / 2.0,
        At::Mid(u, d) => mid(u) + d,
        At::Track(i) => {
            let g = segs[i].gap.min(ranks);
            gap_start[g] + band[g] + 12.0 + segs[i].track as f64 * TRACK
        }
    };
    let routes = plans
        .into_iter()
        .enumerate()
        .map(|(l, plan)| {
            let pts: Vec<[f64; 2]> =
                plan.into_iter().map(|(x, at)| s.axes.join([x, resolve(at)])).collect();
            let label_at = links[l].label.as_ref().map(|_| {
                let u = links[l].from;
                if roles[l] == Role::SelfLoop {
                    return s.axes.join([c[u] + half(u) + LOOP + 4.0, mid(u)]);
                }
                let g = v.rank[u] + 1;
                match s.axes.0 {
                    // Left of its line for ports left of the middle when it fits under its
                    // own box (so it never runs into a neighbour's labels), right otherwise:
                    // a label then rarely covers a sibling edge.
                    Direction::Down => [
                        match &links[l].label {
                            Some(text)
                                if port[l] < c[u] - 1.0
                                    && port[l] - 4.0 - label_width(text) >= c[u] - half(u) =>
                            {
                                port[l] - 4.0 - label_width(text)
                            }
                            _ => port[l] + 4.0,
                        },
                        gap_start[g] + 2.0 + (label_row[l] as f64 + 0.5) * LABEL_HEIGHT,
                    ],
                    Direction::Right => [gap_start[g] + 4.0, port[l] - LABEL_HEIGHT / 2.0 - 1.0],
                }
            });
            Route { points: simplify(pts), label_at }
        })
        .collect();
    (centers, routes)
}

/// Drops repeated points and middle points of straight runs.
fn simplify(pts: Vec<[f64; 2]>) -> Vec<[f64; 2]> {
    let mut out: Vec<[f64; 2]> = Vec::with_capacity(pts.len());
    for p in pts {
        if out.last().is_some_and(|q| (q[0] - p[0]).abs() < 1e-6 && (q[1] - p[1]).abs() < 1e-6) {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let straight = ((a[0] - b[0]).abs() < 1e-6 && (b[0] - p[0]).abs() < 1e-6)
                || ((a[1] - b[1]).abs() < 1e-6 && (b[1] - p[1]).abs() < 1e-6);
            if straight {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

/// A simple orthogonal route between two boxes (real coordinates, top-left and size), used for
/// links touching a pinned state.
pub(super) fn elbow(
    a: [f64; 2],
    sa: [f64; 2],
    b: [f64; 2],
    sb: [f64; 2],
    dir: Direction,
    self_loop: bool,
) -> Route {
    let axes = Axes(dir);
    let (a, sa, b, sb) = (axes.split(a), axes.split(sa), axes.split(b), axes.split(sb));
    if self_loop {
        let x = a[0] + sa[0];
        let m = a[1] + sa[1] / 2.0;
        let pts = [[x, m - 10.0], [x + LOOP, m - 10.0], [x + LOOP, m + 10.0], [x, m + 10.0]];
        return Route {
            points: pts.iter().map(|&p| axes.join(p)).collect(),
            label_at: Some(axes.join([x + LOOP + 4.0, m])),
        };
    }
    let start = [a[0] + sa[0] / 2.0, a[1] + sa[1]];
    let end = [b[0] + sb[0] / 2.0, b[1]];
    let m = (start[1] + end[1]) / 2.0;
    let pts = vec![start, [start[0], m], [end[0], m], end];
    let label = match dir {
        Direction::Down => [start[0] + 4.0, start[1] + LABEL_HEIGHT / 2.0 + 2.0],
        Direction::Right => [start[1] + 4.0, start[0] - LABEL_HEIGHT / 2.0 - 1.0],
    };
    Route {
        points: simplify(pts.into_iter().map(|p| axes.join(p)).collect()),
        label_at: Some(label),
    }
}
