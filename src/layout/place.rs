//! Step 3 of the layered layout: the cross-axis position of every node.
//!
//! Priority placement: sweeping down, up, then down again, each node wants to sit in line with
//! its heaviest neighbour in the rank before (the one with the longest flow below it, nearest
//! the median on ties); within a rank, heavier nodes are placed first and lighter ones fit
//! around them without ever pushing them. So the main flow runs on one straight line, long
//! edges' dummies stay straight, and adding or removing a side state (a handler, a Fail) only
//! moves its own neighbours: the layout is stable under small edits. Deterministic,
//! O(rank width² × ranks) at worst.

use super::order::Virtual;

/// Spacing between two boxes of one rank, and next to a dummy node.
pub(super) const NODE_GAP: f64 = 44.0;
pub(super) const DUMMY_GAP: f64 = 18.0;
/// Cross size of a dummy node (the corridor a long edge runs in).
pub(super) const DUMMY_SIZE: f64 = 8.0;

/// Centers along the cross axis, for nodes of `layers` whose cross sizes are `size`.
/// `side[u]` marks real nodes reached only by Catch edges (error handlers): they give way to
/// the main flow and are not what the flow lines up with.
pub(super) fn place(v: &Virtual, layers: &[Vec<usize>], size: &[f64], side: &[bool]) -> Vec<f64> {
    let is_side = |u: usize| u < side.len() && side[u];
    let n = v.len();
    let mut c = vec![0.0; n];
    let sep = |a: usize, b: usize| separation(v, size, a, b);
    for layer in layers {
        let mut x = 0.0;
        for (i, &u) in layer.iter().enumerate() {
            if i > 0 {
                x += sep(layer[i - 1], u);
            }
            c[u] = x;
        }
    }
    // What hangs below a node weighs in: the main flow stays put and a side state (a handler,
    // a Fail) gives way, which keeps the picture stable when such a state is added or removed.
    let mut height = vec![0usize; n];
    for layer in layers.iter().rev() {
        for &u in layer {
            height[u] = v.succ[u].iter().map(|&s| height[s] + 1).max().unwrap_or(0);
        }
    }
    let weight = |u: usize| {
        let w = (height[u] as f64 + 1.0) * if v.is_dummy(u) { 2.0 } else { 1.0 };
        if is_side(u) { w / 8.0 } else { w }
    };
    let ranks = layers.len();
    for sweep in 0..3 {
        let down = sweep % 2 == 0;
        let order: Vec<usize> =
            if down { (1..ranks).collect() } else { (0..ranks.saturating_sub(1)).rev().collect() };
        for r in order {
            let layer = &layers[r];
            let mut desired = Vec::with_capacity(layer.len());
            let mut weights = Vec::with_capacity(layer.len());
            for &u in layer {
                let mut nb: Vec<usize> = if down { v.pred[u].clone() } else { v.succ[u].clone() };
                if nb.is_empty() {
                    desired.push(c[u]);
                    weights.push(0.0);
                } else {
                    // Align with the heaviest neighbour (the one nearest the median on ties):
                    // adding a light side state next to it then changes nothing.
                    nb.sort_by(|&a, &b| c[a].total_cmp(&c[b]).then(a.cmp(&b)));
                    let mid = (nb.len() - 1) as f64 / 2.0;
                    let best = (0..nb.len())
                        .max_by(|&i, &j| {
                            (!is_side(nb[i]), height[nb[i]])
                                .cmp(&(!is_side(nb[j]), height[nb[j]]))
                                .then((j as f64 - mid).abs().total_cmp(&(i as f64 - mid).abs()))
                                .then(j.cmp(&i))
                        })
                        .map_or(u, |i| nb[i]);
                    desired.push(c[best]);
                    weights.push(weight(u));
                }
            }
            let mins: Vec<f64> = layer.windows(2).map(|w| sep(w[0], w[1])).collect();
            let placed = by_priority(&desired, &weights, &mins);
            for (&u, x) in layer.iter().zip(placed) {
                c[u] = x;
            }
        }
    }
    c
}

/// Least distance between the centers of `a` and `b`, neighbours in one rank.
pub(super) fn separation(v: &Virtual, size: &[f64], a: usize, b: usize) -> f64 {
    let gap = if v.is_dummy(a) || v.is_dummy(b) { DUMMY_GAP } else { NODE_GAP };
    (size[a] + size[b]) / 2.0 + gap
}

/// Places the nodes of one rank, heaviest first, each as near its desired position as the
/// nodes already placed allow (keeping the order and `mins[i]` between neighbours `i`, `i+1`).
/// A node never moves a heavier one, so light nodes give way to the main flow.
fn by_priority(desired: &[f64], weights: &[f64], mins: &[f64]) -> Vec<f64> {
    let n = desired.len();
    let mut offset = vec![0.0; n];
    for i in 1..n {
        offset[i] = offset[i - 1] + mins[i - 1];
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| weights[b].total_cmp(&weights[a]).then(a.cmp(&b)));
    let mut x: Vec<Option<f64>> = vec![None; n];
    for i in order {
        let lo = (0..i).rev().find_map(|j| x[j].map(|xj| xj + offset[i] - offset[j]));
        let hi = (i + 1..n).find_map(|j| x[j].map(|xj| xj - (offset[j] - offset[i])));
        let mut p = desired[i];
        if let Some(lo) = lo {
            p = p.max(lo);
        }
        if let Some(hi) = hi {
            p = p.min(hi);
        }
        x[i] = Some(p);
    }
    x.into_iter().map(|p| p.unwrap_or(0.0)).collect()
}

#[cfg(test)]
mod tests {
    use super::by_priority;

    #[test]
    fn heavier_nodes_keep_their_place_lighter_give_way() {
        let x = by_priority(&[0.0, 0.0, 100.0], &[1.0, 5.0, 1.0], &[10.0, 10.0]);
        assert_eq!(x, vec![-10.0, 0.0, 100.0]);
        let x = by_priority(&[0.0, 3.0], &[0.0, 0.0], &[10.0]);
        assert_eq!(x, vec![0.0, 10.0]);
    }
}
