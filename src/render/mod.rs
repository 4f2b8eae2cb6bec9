//! Drawing a [`Layout`] as SVG (and PNG through [`png`]) in the app's visual style: coloured
//! boxes with a type icon, names that fit their box (cut with an ellipsis), rounded orthogonal
//! edges with arrowheads, labels on a halo, loops in their own colour, and a legend.
//!
//! Guarantees: the SVG is self-contained (no external fonts, images or scripts), text is
//! escaped, output is deterministic. It draws exactly the layout's geometry, shifted down by the
//! legend band.

pub mod png;
mod style;

use std::fmt::Write;

use crate::layout::metrics::{self, LABEL_FONT, LABEL_HEIGHT, NAME_FONT, TYPE_FONT};
use crate::layout::{Direction, Edge, Layout, Node};

pub use style::palette;

const FONT: &str = "DejaVu Sans, Verdana, Arial, sans-serif";
const LEGEND_ROW: f64 = 26.0;

/// How to draw.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// The direction the layout was made with (to tell loops from forward edges).
    pub direction: Direction,
    /// Draw the legend band above the diagram.
    pub legend: bool,
}

/// Escapes text for SVG content and attributes.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn is_container(n: &Node) -> bool {
    matches!(n.kind.as_str(), "Branch" | "ItemProcessor")
}

/// For each edge of the layout, whether it goes against the flow (a loop back): its target's
/// centre is not below (not right of, flowing right) its source's. The canvas can use it to
/// draw loops apart, as the renderer does.
pub fn back_edges(layout: &Layout, direction: Direction) -> Vec<bool> {
    let index: std::collections::HashMap<&str, &Node> =
        layout.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    layout
        .edges
        .iter()
        .map(|e| match (index.get(e.from.as_str()), index.get(e.to.as_str())) {
            (Some(a), Some(b)) => match direction {
                Direction::Down => b.y + b.height / 2.0 <= a.y + a.height / 2.0,
                Direction::Right => b.x + b.width / 2.0 <= a.x + a.width / 2.0,
            },
            _ => false,
        })
        .collect()
}

/// The whole SVG document.
pub fn svg(layout: &Layout, options: &Options) -> String {
    let back = back_edges(layout, options.direction);
    let width = layout.width.max(360.0);
    let (legend, legend_h) =
        if options.legend { legend(layout, &back, width) } else { (String::new(), 0.0) };
    let height = layout.height + legend_h;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{FONT}">"#
    );
    s.push_str("<defs>");
    for st in &style::EDGES {
        let _ = write!(
            s,
            r#"<marker id="arrow-{}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="{}"/></marker>"#,
            st.key, st.color
        );
    }
    s.push_str("</defs>");
    let _ = write!(s, r##"<rect width="{width}" height="{height}" fill="#fbfcfe"/>"##);
    s.push_str(&legend);
    let _ = write!(s, r#"<g transform="translate(0 {legend_h})">"#);
    for n in &layout.nodes {
        if is_container(n) {
            container(&mut s, n);
        } else {
            state(&mut s, n, layout.nodes.iter().any(|c| c.parent.as_deref() == Some(&n.id)));
        }
    }
    for (e, &b) in layout.edges.iter().zip(&back) {
        edge(&mut s, e, b);
    }
    for (e, &b) in layout.edges.iter().zip(&back) {
        label(&mut s, e, b);
    }
    s.push_str("</g></svg>\n");
    s
}

fn state(s: &mut String, n: &Node, compound: bool) {
    let p = style::palette(&n.kind);
    let rx = if matches!(n.kind.as_str(), "Succeed" | "Fail") && !compound {
        n.height / 2.0
    } else if compound {
        10.0
    } else {
        8.0
    };
    // A soft shadow under the box, then the box.
    let _ = write!(
        s,
        r##"<g><rect x="{}" y="{}" width="{}" height="{}" rx="{rx}" fill="#0f172a" fill-opacity="0.07"/><rect x="{}" y="{}" width="{}" height="{}" rx="{rx}" fill="{}" stroke="{}" stroke-width="1.5"/>"##,
        n.x + 1.0,
        n.y + 2.0,
        n.width,
        n.height,
        n.x,
        n.y,
        n.width,
        n.height,
        p.fill,
        p.accent
    );
    let cy = if compound { n.y + metrics::HEADER / 2.0 } else { n.y + n.height / 2.0 };
    let icon_x = n.x + 22.0;
    let _ = write!(
        s,
        r##"<circle cx="{icon_x}" cy="{cy}" r="14" fill="#ffffff" stroke="{}" stroke-opacity="0.35"/>"##,
        p.accent
    );
    s.push_str(&style::icon(&n.kind, icon_x, cy, p.accent));
    let text_x = n.x + 44.0;
    let avail = n.width - 44.0 - 10.0;
    let name = metrics::fit(&n.name, avail, NAME_FONT, true);
    let kind = if n.kind.is_empty() { "(no Type)".to_string() } else { n.kind.clone() };
    let _ = write!(
        s,
        r##"<text x="{text_x}" y="{}" font-size="{NAME_FONT}" font-weight="bold" fill="#0f172a">{}</text><text x="{text_x}" y="{}" font-size="{TYPE_FONT}" fill="#64748b">{}</text></g>"##,
        cy - 1.5,
        esc(&name),
        cy + 12.5,
        esc(&metrics::fit(&kind, avail, TYPE_FONT, false))
    );
}

fn container(s: &mut String, n: &Node) {
    let _ = write!(
        s,
        r##"<rect x="{}" y="{}" width="{}" height="{}" rx="8" fill="#ffffff" fill-opacity="0.9" stroke="#94a3b8" stroke-dasharray="5 3"/><text x="{}" y="{}" font-size="{TYPE_FONT}" fill="#64748b">{}</text>"##,
        n.x,
        n.y,
        n.width,
        n.height,
        n.x + 10.0,
        n.y + 15.0,
        esc(&metrics::fit(&n.name, n.width - 16.0, TYPE_FONT, false))
    );
}

/// The polyline with rounded corners.
fn path_data(points: &[[f64; 2]]) -> String {
    let mut d = String::new();
    let Some(first) = points.first() else { return d };
    let _ = write!(d, "M{:.1} {:.1}", first[0], first[1]);
    for i in 1..points.len() {
        let p = points[i];
        if i + 1 < points.len() {
            let (a, b) = (points[i - 1], points[i + 1]);
            let len_in = ((p[0] - a[0]).hypot(p[1] - a[1])).max(1e-9);
            let len_out = ((b[0] - p[0]).hypot(b[1] - p[1])).max(1e-9);
            let r = 6.0f64.min(len_in / 2.0).min(len_out / 2.0);
            let p1 = [p[0] - (p[0] - a[0]) / len_in * r, p[1] - (p[1] - a[1]) / len_in * r];
            let p2 = [p[0] + (b[0] - p[0]) / len_out * r, p[1] + (b[1] - p[1]) / len_out * r];
            let _ = write!(
                d,
                " L{:.1} {:.1} Q{:.1} {:.1} {:.1} {:.1}",
                p1[0], p1[1], p[0], p[1], p2[0], p2[1]
            );
        } else {
            let _ = write!(d, " L{:.1} {:.1}", p[0], p[1]);
        }
    }
    d
}

fn edge(s: &mut String, e: &Edge, back: bool) {
    let st = style::edge_style(&e.kind, back);
    let dash = st.dash.map(|d| format!(r#" stroke-dasharray="{d}""#)).unwrap_or_default();
    let _ = write!(
        s,
        r#"<path d="{}" fill="none" stroke="{}" stroke-width="1.6"{dash} marker-end="url(#arrow-{})"/>"#,
        path_data(&e.points),
        st.color,
        st.key
    );
}

fn label(s: &mut String, e: &Edge, back: bool) {
    let (Some(text), Some(at)) = (&e.label, e.label_at) else { return };
    let st = style::edge_style(&e.kind, back);
    let text = metrics::label_text(text);
    let w = metrics::label_width(&text);
    let _ = write!(
        s,
        r##"<rect x="{:.1}" y="{:.1}" width="{w:.1}" height="{}" rx="3" fill="#ffffff" fill-opacity="0.92" stroke="{}" stroke-opacity="0.25"/><text x="{:.1}" y="{:.1}" font-size="{LABEL_FONT}" fill="{}">{}</text>"##,
        at[0],
        at[1] - LABEL_HEIGHT / 2.0,
        LABEL_HEIGHT - 1.0,
        st.color,
        at[0] + 4.0,
        at[1] + 3.8,
        st.color,
        esc(&text)
    );
}

/// The legend band (SVG, height): the state types and edge kinds that appear.
fn legend(layout: &Layout, back: &[bool], width: f64) -> (String, f64) {
    let mut items: Vec<(String, f64)> = Vec::new();
    for kind in style::TYPES {
        if layout.nodes.iter().any(|n| n.kind == kind) {
            let p = style::palette(kind);
            let svg = format!(
                r##"<rect x="0" y="-9" width="18" height="18" rx="4" fill="{}" stroke="{}"/>{}<text x="24" y="4" font-size="{TYPE_FONT}" fill="#334155">{kind}</text>"##,
                p.fill,
                p.accent,
                style::icon(kind, 9.0, 0.0, p.accent)
                    .replace("stroke-width=\"1.8\"", "stroke-width=\"1.2\"")
                    .replace("width=\"16\"", "width=\"12\"")
            );
            items.push((svg, 30.0 + metrics::text_width(kind, TYPE_FONT, false)));
        }
    }
    for st in &style::EDGES {
        let present = layout
            .edges
            .iter()
            .zip(back)
            .any(|(e, &b)| style::edge_style(&e.kind, b).key == st.key);
        if present {
            let dash = st.dash.map(|d| format!(r#" stroke-dasharray="{d}""#)).unwrap_or_default();
            let svg = format!(
                r##"<path d="M0 0 H26" stroke="{}" stroke-width="1.6"{dash} marker-end="url(#arrow-{})"/><text x="32" y="4" font-size="{TYPE_FONT}" fill="#334155">{}</text>"##,
                st.color, st.key, st.caption
            );
            items.push((svg, 40.0 + metrics::text_width(st.caption, TYPE_FONT, false)));
        }
    }
    let mut s = String::new();
    let (mut x, mut row) = (metrics::MARGIN, 0usize);
    for (svg, w) in items {
        if x + w > width - metrics::MARGIN && x > metrics::MARGIN {
            x = metrics::MARGIN;
            row += 1;
        }
        let y = 20.0 + row as f64 * LEGEND_ROW;
        let _ = write!(s, r#"<g transform="translate({x} {y})">{svg}</g>"#);
        x += w + 14.0;
    }
    let h = 20.0 + row as f64 * LEGEND_ROW + 18.0;
    let _ = write!(s, r##"<path d="M0 {h} H{width}" stroke="#e2e8f0"/>"##);
    (s, h)
}
