//! Sizes shared by the layout and the renderer: boxes, paddings, and text measurement.
//!
//! Text is measured with a fixed per-character advance (DejaVu Sans averages ≈ 0.6 em), which
//! keeps layout independent of installed fonts and therefore identical on every machine. The
//! renderer truncates with the same functions, so what it draws fits what was laid out.

/// Width and height of a simple state's box.
pub const LEAF_SIZE: [f64; 2] = [204.0, 50.0];
/// Height of the title band of a Parallel or Map box (name, type).
pub const HEADER: f64 = 44.0;
/// Padding inside a Parallel/Map box and inside a branch/processor container.
pub const PAD: f64 = 14.0;
/// Height of a container's caption band ("Branch 1", "Item processor").
pub const CAPTION: f64 = 22.0;
/// Space between sibling containers.
pub const CONTAINER_GAP: f64 = 18.0;
/// Margin around the whole diagram.
pub const MARGIN: f64 = 24.0;
/// Smallest container (an empty branch).
pub const EMPTY_CONTAINER: [f64; 2] = [120.0, 40.0];

/// Font size of state names.
pub const NAME_FONT: f64 = 13.0;
/// Font size of the state type under the name, and of container captions.
pub const TYPE_FONT: f64 = 10.5;
/// Font size of edge labels.
pub const LABEL_FONT: f64 = 11.0;
/// Height taken by one edge label.
pub const LABEL_HEIGHT: f64 = 15.0;
/// Longest edge label, in characters, before it is cut with an ellipsis.
pub const MAX_LABEL_CHARS: usize = 30;

/// Width factor of bold text compared with regular.
pub const BOLD: f64 = 1.0;

/// Estimated advance of one character at `font_size`.
pub fn char_width(font_size: f64) -> f64 {
    font_size * 0.6
}

/// `text` cut to at most `max_chars` characters, ending with `…` when cut.
pub fn truncate(text: &str, max_chars: usize) -> String {
    let count = text.chars().count();
    if count <= max_chars {
        return text.to_string();
    }
    let keep = max_chars.saturating_sub(1);
    let mut s: String = text.chars().take(keep).collect();
    s.push('…');
    s
}

/// `text` cut so it fits in `width` at `font_size`.
pub fn fit(text: &str, width: f64, font_size: f64) -> String {
    let max = (width / char_width(font_size)).floor().max(1.0) as usize;
    truncate(text, max)
}

/// The text drawn for an edge label.
pub fn label_text(label: &str) -> String {
    truncate(label, MAX_LABEL_CHARS)
}

/// Width of the drawn edge label, padding included.
pub fn label_width(label: &str) -> f64 {
    label_text(label).chars().count() as f64 * char_width(LABEL_FONT) + 8.0
}
