//! The app's visual style: one colour pair per state type, one per edge kind, and a small icon
//! per type drawn with SVG shapes (no fonts or external assets).

/// Stroke (accent) and fill of a state type's box.
pub struct Palette {
    pub accent: &'static str,
    pub fill: &'static str,
}

/// Colours of a state type (unknown types are grey).
pub fn palette(kind: &str) -> Palette {
    let (accent, fill) = match kind {
        "Task" => ("#2563eb", "#eff6ff"),
        "Pass" => ("#64748b", "#f8fafc"),
        "Choice" => ("#d97706", "#fffbeb"),
        "Wait" => ("#7c3aed", "#f5f3ff"),
        "Parallel" => ("#0d9488", "#f0fdfa"),
        "Map" => ("#4f46e5", "#eef2ff"),
        "Succeed" => ("#16a34a", "#f0fdf4"),
        "Fail" => ("#dc2626", "#fef2f2"),
        _ => ("#94a3b8", "#f1f5f9"),
    };
    Palette { accent, fill }
}

/// The state types shown in the legend, in this order.
pub const TYPES: [&str; 8] =
    ["Task", "Pass", "Choice", "Wait", "Parallel", "Map", "Succeed", "Fail"];

/// How an edge is drawn: colour, dash pattern, legend caption.
pub struct EdgeStyle {
    pub key: &'static str,
    pub color: &'static str,
    pub dash: Option<&'static str>,
    pub caption: &'static str,
}

/// Edge styles, in legend order.
pub const EDGES: [EdgeStyle; 5] = [
    EdgeStyle { key: "next", color: "#475569", dash: None, caption: "Next" },
    EdgeStyle { key: "choice", color: "#b45309", dash: None, caption: "Choice rule" },
    EdgeStyle { key: "default", color: "#b45309", dash: Some("6 4"), caption: "Default" },
    EdgeStyle { key: "catch", color: "#dc2626", dash: Some("4 3"), caption: "Catch" },
    EdgeStyle { key: "loop", color: "#7c3aed", dash: None, caption: "Loop back" },
];

/// The style of an edge of `kind`, or the loop style for back edges.
pub fn edge_style(kind: &str, back: bool) -> &'static EdgeStyle {
    let key = if back { "loop" } else { kind };
    EDGES.iter().find(|s| s.key == key).unwrap_or(&EDGES[0])
}

/// A 16×16 icon for a state type, centred on (`cx`, `cy`), as SVG elements.
pub fn icon(kind: &str, cx: f64, cy: f64, color: &str) -> String {
    let (x, y) = (cx - 8.0, cy - 8.0);
    let stroke = format!(
        r#"fill="none" stroke="{color}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round""#
    );
    match kind {
        "Task" => format!(
            r#"<rect x="{x}" y="{y}" width="16" height="16" rx="3" {stroke}/><path d="M{} {} l6 4 l-6 4 z" fill="{color}"/>"#,
            x + 5.5,
            y + 4.0
        ),
        "Pass" => format!(
            r#"<path d="M{} {cy} h12 M{} {} l4 4 l-4 4" {stroke}/>"#,
            x + 1.0,
            x + 9.0,
            cy - 4.0
        ),
        "Choice" => format!(r#"<path d="M{cx} {y} l8 8 l-8 8 l-8 -8 z" {stroke}/>"#),
        "Wait" => format!(
            r#"<circle cx="{cx}" cy="{cy}" r="7.5" {stroke}/><path d="M{cx} {} v4.5 l3 2" {stroke}/>"#,
            cy - 4.5
        ),
        "Parallel" => format!(
            r#"<path d="M{} {y} v16 M{} {y} v16 M{} {y} v16" {stroke}/>"#,
            x + 3.0,
            x + 8.0,
            x + 13.0
        ),
        "Map" => format!(
            r#"<rect x="{x}" y="{y}" width="6.5" height="6.5" rx="1" {stroke}/><rect x="{}" y="{y}" width="6.5" height="6.5" rx="1" {stroke}/><rect x="{x}" y="{}" width="6.5" height="6.5" rx="1" {stroke}/><rect x="{}" y="{}" width="6.5" height="6.5" rx="1" {stroke}/>"#,
            x + 9.5,
            y + 9.5,
            x + 9.5,
            y + 9.5
        ),
        "Succeed" => format!(
            r#"<circle cx="{cx}" cy="{cy}" r="7.5" {stroke}/><path d="M{} {cy} l2.5 2.5 l5 -5" {stroke}/>"#,
            cx - 4.0
        ),
        "Fail" => format!(
            r#"<circle cx="{cx}" cy="{cy}" r="7.5" {stroke}/><path d="M{} {} l6 6 M{} {} l-6 6" {stroke}/>"#,
            cx - 3.0,
            cy - 3.0,
            cx + 3.0,
            cy - 3.0
        ),
        _ => format!(r#"<circle cx="{cx}" cy="{cy}" r="7" {stroke} stroke-dasharray="2 2"/>"#),
    }
}
