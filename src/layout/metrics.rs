//! Sizes shared by the layout and the renderer: boxes, paddings, and text measurement.
//!
//! Text is measured with a small table of character advances (after DejaVu Sans), which keeps
//! layout independent of installed fonts and therefore identical on every machine. The
//! renderer truncates with the same functions, so what it draws fits what was laid out.

/// Width and height of a simple state's box.
pub const LEAF_SIZE: [f64; 2] = [220.0, 50.0];
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
pub const NAME_FONT: f64 = 12.5;
/// Font size of the state type under the name, and of container captions.
pub const TYPE_FONT: f64 = 10.5;
/// Font size of edge labels.
pub const LABEL_FONT: f64 = 11.0;
/// Height taken by one edge label.
pub const LABEL_HEIGHT: f64 = 15.0;
/// Longest edge label, in characters, before it is cut with an ellipsis.
pub const MAX_LABEL_CHARS: usize = 36;

/// Advance of a character in em, after DejaVu Sans (the font PNGs are drawn with; other sans
/// fonts are close): narrow, wide, capitals, digits, lowercase.
fn char_em(c: char) -> f64 {
    match c {
        'i' | 'l' | 'j' | '\'' | '|' | '.' | ',' | ':' | ';' | '!' => 0.3,
        'f' | 't' | 'r' | ' ' | '(' | ')' | '[' | ']' | '-' | '/' => 0.42,
        'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.96,
        'A'..='Z' => 0.74,
        '0'..='9' => 0.66,
        'a'..='z' | '_' | '$' => 0.62,
        _ => 0.8,
    }
}

/// Estimated width of `text` at `font_size` (bold text is 10% wider).
pub fn text_width(text: &str, font_size: f64, bold: bool) -> f64 {
    let em: f64 = text.chars().map(char_em).sum();
    em * font_size * if bold { 1.1 } else { 1.0 }
}

/// `text` cut at a character boundary to at most `max_chars` characters, ending with `…` when
/// cut.
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

/// `text` cut (with `…`) so that it fits in `width` at `font_size`.
pub fn fit(text: &str, width: f64, font_size: f64, bold: bool) -> String {
    if text_width(text, font_size, bold) <= width {
        return text.to_string();
    }
    let ellipsis = text_width("…", font_size, bold);
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = char_em(c) * font_size * if bold { 1.1 } else { 1.0 };
        if used + w + ellipsis > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// The text drawn for an edge label.
pub fn label_text(label: &str) -> String {
    truncate(label, MAX_LABEL_CHARS)
}

/// Width of the drawn edge label, padding included.
pub fn label_width(label: &str) -> f64 {
    text_width(&label_text(label), LABEL_FONT, false) + 8.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_cuts_with_an_ellipsis_within_the_width() {
        assert_eq!(fit("Short", 100.0, 13.0, true), "Short");
        let cut = fit("UnsupportedDocumentHandler", 120.0, 13.0, true);
        assert!(cut.ends_with('…') && text_width(&cut, 13.0, true) <= 120.0, "{cut}");
        assert!(text_width("WWW", 10.0, false) > text_width("iii", 10.0, false));
        assert_eq!(truncate("abcdef", 4), "abc…");
    }
}
