//! Step 3 of the layered layout: the cross-axis position of every node.
//!
//! Each rank is placed, in the order found before, as close as possible (least squares) to the
//! median of its neighbours in the rank above (down sweeps) or below (up sweeps), subject to the
//! order and the minimum spacing. That problem is solved exactly per rank by pool-adjacent-
//! violators in linear time. Dummy nodes weigh more, so long edges run straight; a chain of
//! single successors ends up on one vertical line. Deterministic and O(nodes × sweeps).

use super::order::Virtual;

/// Spacing between two boxes of one rank, and next to a dummy node.
pub(super) const NODE_GAP: f64 = 44.0;
pub(super) const DUMMY_GAP: f64 = 18.0;
/// Cross size of a dummy node (the corridor a long edge runs in).
pub(super) const DUMMY_SIZE: f64 = 8.0;

/// Centers along the cross axis, for nodes of `layers` whose cross sizes are `size`.
pub(super) fn place(v: &Virtual, layers: &[Vec<usize>], size: &[f64]) -> Vec<f64> {
    let n = v.len();
    let mut c = vec![0.0; n];
    let sep = |a: usize, b: usize| {
        let gap = if v.is_dummy(a) || v.is_dummy(b) { DUMMY_GAP } else { NODE_GAP };
        (size[a] + size[b]) / 2.0 + gap
    };
    for layer in layers {
        let mut x = 0.0;
        for (i, &u) in layer.iter().enumerate() {
            if i > 0 {
                x += sep(layer[i - 1], u);
            }
            c[u] = x;
        }
    }
    let weight = |u: usize| if v.is_dummy(u) { 4.0 } else { 1.0 };
    let ranks = layers.len();
    for sweep in 0..7 {
        let order: Vec<usize> = match sweep % 3 {
            0 => (1..ranks).collect(),
            1 => (0..ranks.saturating_sub(1)).rev().collect(),
            _ => (0..ranks).collect(),
        };
        for r in order {
            let layer = &layers[r];
            let mut desired = Vec::with_capacity(layer.len());
            let mut weights = Vec::with_capacity(layer.len());
            for &u in layer {
                let mut nb: Vec<f64> = match sweep % 3 {
                    0 => v.pred[u].iter().map(|&w| c[w]).collect(),
                    1 => v.succ[u].iter().map(|&w| c[w]).collect(),
                    _ => v.pred[u].iter().chain(&v.succ[u]).map(|&w| c[w]).collect(),
                };
                if nb.is_empty() {
                    desired.push(c[u]);
                    weights.push(0.05);
                } else {
                    nb.sort_by(f64::total_cmp);
                    let m = nb.len() / 2;
                    let med = if nb.len() % 2 == 1 { nb[m] } else { (nb[m - 1] + nb[m]) / 2.0 };
                    desired.push(med);
                    weights.push(weight(u));
                }
            }
            let mins: Vec<f64> = layer.windows(2).map(|w| sep(w[0], w[1])).collect();
            let placed = fit(&desired, &weights, &mins);
            for (&u, x) in layer.iter().zip(placed) {
                c[u] = x;
            }
        }
    }
    c
}

/// Positions `x` minimizing Σ w·(x − d)² with `x[i+1] − x[i] ≥ mins[i]` (pool adjacent
/// violators on the shifted problem).
fn fit(desired: &[f64], weights: &[f64], mins: &[f64]) -> Vec<f64> {
    let n = desired.len();
    let mut offset = vec![0.0; n];
    for i in 1..n {
        offset[i] = offset[i - 1] + mins[i - 1];
    }
    // Blocks of (weighted sum, weight, count).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::with_capacity(n);
    for i in 0..n {
        let w = weights[i].max(1e-9);
        blocks.push((w * (desired[i] - offset[i]), w, 1));
        while blocks.len() > 1 {
            let (s1, w1, k1) = blocks[blocks.len() - 1];
            let (s0, w0, k0) = blocks[blocks.len() - 2];
            if s0 / w0 >= s1 / w1 {
                blocks.pop();
                let last = blocks.len() - 1;
                blocks[last] = (s0 + s1, w0 + w1, k0 + k1);
            } else {
                break;
            }
        }
    }
    let mut out = Vec::with_capacity(n);
    for (s, w, k) in blocks {
        let y = s / w;
        for _ in 0..k {
            out.push(y + offset[out.len()]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn fit_respects_spacing_and_pulls_to_targets() {
        let x = fit(&[0.0, 0.0, 100.0], &[1.0, 1.0, 1.0], &[10.0, 10.0]);
        assert!((x[1] - x[0] - 10.0).abs() < 1e-9 && (x[0] + x[1]) / 2.0 == 0.0);
        assert_eq!(x[2], 100.0);
    }
}
