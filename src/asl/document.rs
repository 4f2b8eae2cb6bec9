//! A `.asl.json` file as the user wrote it.
//!
//! Guarantees: the text is kept byte for byte (saving an unedited document writes the same bytes);
//! the value is exactly what strict JSON parsing gives (no comments, no trailing commas); any node
//! can be found by JSON pointer and turned into a line/column span. The syntax tree used for
//! locating is built on first use, so validating or running a file does not pay for it.

use std::sync::OnceLock;

use jsonc_parser::ast;
use serde_json::Value;

use super::{pointer, splice};

/// A place in the text: zero-based byte offset, one-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Position {
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

/// The text of one node, from `start` (inclusive) to `end` (exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub start: Position,
    pub end: Position,
}

/// Why a text is not a JSON document, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} (line {}, column {})", position.line, position.column)]
pub struct ParseFailure {
    pub message: String,
    pub position: Position,
}

/// One located node: its pointer, the span of its value and (for an object member) of its key.
#[derive(Debug, Clone)]
struct Located {
    pointer: String,
    value: (usize, usize),
    key: Option<(usize, usize)>,
}

#[derive(Debug)]
struct Index {
    /// Sorted by pointer, so lookups are a binary search.
    nodes: Vec<Located>,
    /// Pointers of object members whose key appears earlier in the same object.
    duplicates: Vec<String>,
}

/// A parsed definition that remembers its exact text.
#[derive(Debug)]
pub struct Document {
    text: String,
    value: Value,
    line_starts: Vec<usize>,
    index: OnceLock<Index>,
}

/// A copy shares nothing; its locating index is rebuilt on first use.
impl Clone for Document {
    fn clone(&self) -> Document {
        Document {
            text: self.text.clone(),
            value: self.value.clone(),
            line_starts: self.line_starts.clone(),
            index: OnceLock::new(),
        }
    }
}

impl Document {
    /// Parses `text` as strict JSON. The text is kept unchanged.
    pub fn parse(text: impl Into<String>) -> Result<Document, ParseFailure> {
        let text = text.into();
        let line_starts = line_starts(&text);
        // A UTF-8 byte order mark is kept in the text but is not part of the JSON.
        let bom = bom_len(&text);
        let value = match serde_json::from_str::<Value>(&text[bom..]) {
            Ok(v) => v,
            Err(e) => {
                let col = e.column() + if e.line() == 1 { bom } else { 0 };
                let position = position_at_line_col(&text, &line_starts, e.line(), col);
                return Err(ParseFailure { message: plain_json_error(&e), position });
            }
        };
        Ok(Document { text, value, line_starts, index: OnceLock::new() })
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn value(&self) -> &Value {
        &self.value
    }

    /// The span of the value at `pointer`, if that node exists.
    pub fn span(&self, pointer: &str) -> Option<Span> {
        self.find(pointer).map(|n| self.span_of(n.value))
    }

    /// The span of the key naming the member at `pointer` (falls back to the value's span).
    pub fn key_span(&self, pointer: &str) -> Option<Span> {
        self.find(pointer).map(|n| self.span_of(n.key.unwrap_or(n.value)))
    }

    /// Pointers of object members that repeat a key already present in the same object.
    /// serde_json keeps only the last of them in [`Document::value`]; AWS rejects the file.
    pub fn duplicate_keys(&self) -> &[String] {
        &self.index().duplicates
    }

    /// Line and column of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let column = self.text[start..offset].chars().count() + 1;
        Position { offset, line, column }
    }

    /// The place of byte `decoded` of the string value at `pointer`, counted in the string as
    /// decoded (escapes such as `\"` or `\u00e9` resolved): where a problem found inside the
    /// string is in the text. `None` when the value is not a string; clamped to its end.
    pub fn position_in_string(&self, pointer: &str, decoded: usize) -> Option<Position> {
        let node = self.find(pointer)?;
        let (start, end) = node.value;
        let raw = self.text.get(start..end)?;
        if !raw.starts_with('"') || raw.len() < 2 {
            return None;
        }
        Some(self.position(start + raw_offset(&raw[1..raw.len() - 1], decoded) + 1))
    }

    /// The text of one line (one-based), without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        line_text(&self.text, &self.line_starts, line)
    }

    fn span_of(&self, (start, end): (usize, usize)) -> Span {
        Span { start: self.position(start), end: self.position(end) }
    }

    fn find(&self, pointer: &str) -> Option<&Located> {
        let nodes = &self.index().nodes;
        nodes.binary_search_by(|n| n.pointer.as_str().cmp(pointer)).ok().map(|i| &nodes[i])
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| build_index(&self.text))
    }
}

/// Length in bytes of a leading UTF-8 byte order mark (0 or 3).
pub(crate) fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 }
}

fn build_index(full: &str) -> Index {
    let bom = bom_len(full);
    let text = &full[bom..];
    let options = jsonc_parser::ParseOptions::default();
    let mut index = Index { nodes: Vec::new(), duplicates: Vec::new() };
    if let Ok(parsed) = jsonc_parser::parse_to_ast(text, &Default::default(), &options)
        && let Some(root) = parsed.value
    {
        walk(&root, String::new(), None, &mut index);
    }
    for node in &mut index.nodes {
        node.value = (node.value.0 + bom, node.value.1 + bom);
        node.key = node.key.map(|(s, e)| (s + bom, e + bom));
    }
    index.nodes.sort_by(|a, b| a.pointer.cmp(&b.pointer));
    // With duplicate keys the last member wins, as in the parsed value.
    index.nodes.dedup_by(|later, earlier| {
        if later.pointer == earlier.pointer {
            std::mem::swap(later, earlier);
            true
        } else {
            false
        }
    });
    index
}

fn walk(value: &ast::Value<'_>, at: String, key: Option<(usize, usize)>, index: &mut Index) {
    let range = splice::range(value);
    match value {
        ast::Value::Object(object) => {
            let mut seen = std::collections::HashSet::new();
            for prop in &object.properties {
                let name = splice::name(&prop.name);
                let child = pointer::join(&at, name);
                if !seen.insert(name) {
                    index.duplicates.push(child.clone());
                }
                let key_range = splice::key_range(&prop.name);
                walk(&prop.value, child, Some(key_range), index);
            }
        }
        ast::Value::Array(array) => {
            for (i, element) in array.elements.iter().enumerate() {
                walk(element, format!("{at}/{i}"), None, index);
            }
        }
        _ => {}
    }
    index.nodes.push(Located { pointer: at, value: range, key });
}

/// The byte offset in the raw JSON string body `raw` (between its quotes) of byte `decoded` of
/// its decoded text.
fn raw_offset(raw: &str, decoded: usize) -> usize {
    let bytes = raw.as_bytes();
    let (mut r, mut d) = (0, 0);
    while r < bytes.len() && d < decoded {
        if bytes[r] != b'\\' {
            r += 1;
            d += 1;
            continue;
        }
        match bytes.get(r + 1) {
            Some(b'u') => {
                let unit =
                    |at: usize| raw.get(at..at + 4).and_then(|h| u32::from_str_radix(h, 16).ok());
                let first = unit(r + 2).unwrap_or(0);
                let pair = (0xD800..0xDC00).contains(&first)
                    && raw.get(r + 6..r + 8) == Some("\\u")
                    && unit(r + 8).is_some_and(|low| (0xDC00..0xE000).contains(&low));
                if pair {
                    r += 12;
                    d += 4;
                } else {
                    r += 6;
                    d += char::from_u32(first).map_or(3, char::len_utf8);
                }
            }
            _ => {
                r += 2;
                d += 1;
            }
        }
    }
    let mut r = r.min(raw.len());
    while !raw.is_char_boundary(r) {
        r -= 1;
    }
    r
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

fn line_text<'t>(text: &'t str, starts: &[usize], line: usize) -> &'t str {
    let Some(&start) = starts.get(line.saturating_sub(1)) else { return "" };
    let end = starts.get(line).map_or(text.len(), |&e| e - 1);
    text[start..end].trim_end_matches('\r')
}

/// serde_json reports one-based lines and columns counted in bytes; turn them into a position.
fn position_at_line_col(text: &str, starts: &[usize], line: usize, col: usize) -> Position {
    let line = line.clamp(1, starts.len());
    let start = starts[line - 1];
    let line_str = line_text(text, starts, line);
    let mut byte = col.saturating_sub(1).min(line_str.len());
    while !line_str.is_char_boundary(byte) {
        byte -= 1;
    }
    Position { offset: start + byte, line, column: line_str[..byte].chars().count() + 1 }
}

/// serde_json's messages without its own " at line X column Y" suffix (we show the position).
fn plain_json_error(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let plain = match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => &text,
    };
    if text.contains("EOF while parsing") {
        return "the file ends before the JSON is complete (is a closing } or ] missing?)".into();
    }
    format!("this is not valid JSON: {plain}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_inside_strings_follow_escapes_and_count_characters() {
        // "😀\"é😀b": a quote escape, a \u escape, a surrogate pair, then b.
        let text = "{\"x\": \"😀\\\"\\u00e9\\ud83d\\ude00b\"}";
        let doc = Document::parse(text).unwrap();
        let value = doc.value()["x"].as_str().unwrap().to_string();
        assert_eq!(value, "😀\"é😀b");
        let b = value.find('b').unwrap();
        let at = doc.position_in_string("/x", b).unwrap();
        assert_eq!(&text[at.offset..at.offset + 1], "b");
        // Columns count characters: `{"x": "` is 7, then 😀 is one, the escapes 2 + 6 + 12.
        assert_eq!(at.column, 8 + 1 + 2 + 6 + 12);
        assert_eq!(doc.position_in_string("/x", 0).unwrap().column, 8);
        assert_eq!(doc.position_in_string("/x", 999).unwrap().offset, text.len() - 2);
        assert_eq!(
            doc.position_in_string("/x", 1),
            doc.position_in_string("/x", 0),
            "mid-character"
        );
        assert!(Document::parse("{\"x\": 1}").unwrap().position_in_string("/x", 0).is_none());
        assert!(doc.position_in_string("/nope", 0).is_none());
    }

    #[test]
    fn locates_members_and_reports_duplicates() {
        let text = "{\n  \"StartAt\": \"A\",\n  \"States\": {\"a/b\": {\"Type\": \"Pass\"}, \"a/b\": 1}\n}";
        let doc = Document::parse(text).unwrap();
        let span = doc.span("/StartAt").unwrap();
        assert_eq!((span.start.line, span.start.column), (2, 14));
        let key = doc.key_span("/States/a~1b").unwrap();
        assert_eq!((key.start.line, key.start.column), (3, 39));
        assert_eq!(doc.duplicate_keys(), ["/States/a~1b"]);
        assert!(doc.span("/Nope").is_none());
    }

    #[test]
    fn byte_order_mark_is_kept_and_skipped() {
        let doc = Document::parse("\u{feff}{\"a\": 1}").unwrap();
        assert_eq!(doc.value()["a"], 1);
        assert_eq!(doc.span("/a").unwrap().start.offset, 9);
        assert!(doc.text().starts_with('\u{feff}'));
        let err = Document::parse("\u{feff}{\"a\" 1}").unwrap_err();
        assert_eq!((err.position.line, err.position.column), (1, 7));
    }

    #[test]
    fn parse_failure_has_a_position() {
        let err = Document::parse("{\n  \"a\": 1,\n}").unwrap_err();
        assert_eq!(err.position.line, 3);
        let err = Document::parse("{\"a\": ").unwrap_err();
        assert!(err.message.contains("ends before"), "{}", err.message);
    }
}
