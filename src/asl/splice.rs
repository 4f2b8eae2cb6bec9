//! Text-level building blocks of lossless editing: find a node's bytes by JSON pointer, and
//! replace, insert or remove one value or member while leaving every other byte alone.
//!
//! Why not jsonc-parser's CST mutation API: inserting into an object there first rewrites the
//! object as multi-line (`ensure_multiline`) and writes arrays inline, so a minified file or an
//! inline object would be reformatted around the change. We use the same parser's AST ranges and
//! splice text ourselves, copying the separators (`,` plus whitespace) that the container
//! already uses and the file's own indent unit and line ending for anything new.
//!
//! Guarantees: bytes outside the replaced range are untouched; new text is JSON written in the
//! surrounding style (AWS-style pretty printing with the file's indent unit in multi-line
//! containers, one line in inline containers and minified files).

use jsonc_parser::ast;
use serde_json::Value;

use super::pointer;

/// A JSON pointer that does not lead to a node of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// The text itself is not JSON (cannot happen for a parsed [`super::Document`]).
    Unparsable,
    /// The node at this pointer does not exist (the payload is the longest existing prefix).
    Node(String),
    /// The node at this pointer is a scalar, so it has no children.
    NotAContainer(String),
}

/// Parses `text` into jsonc-parser's AST (strict JSON was already checked by `Document`).
pub fn parse(text: &str) -> Result<ast::Value<'_>, Missing> {
    let options = jsonc_parser::ParseOptions::default();
    jsonc_parser::parse_to_ast(text, &Default::default(), &options)
        .ok()
        .and_then(|p| p.value)
        .ok_or(Missing::Unparsable)
}

/// The node at `at`, walking the AST (the last of duplicate keys wins, as in the parsed value).
pub fn find<'a, 't>(root: &'a ast::Value<'t>, at: &str) -> Result<&'a ast::Value<'t>, Missing> {
    let mut node = root;
    let mut walked = String::new();
    for token in pointer::tokens(at) {
        let next = match node {
            ast::Value::Object(o) => {
                o.properties.iter().rev().find(|p| name(&p.name) == token).map(|p| &p.value)
            }
            ast::Value::Array(a) => token.parse::<usize>().ok().and_then(|i| a.elements.get(i)),
            _ => return Err(Missing::NotAContainer(walked)),
        };
        walked = pointer::join(&walked, &token);
        node = next.ok_or_else(|| Missing::Node(walked.clone()))?;
    }
    Ok(node)
}

/// The decoded name of an object member.
pub fn name<'a>(n: &'a ast::ObjectPropName<'_>) -> &'a str {
    match n {
        ast::ObjectPropName::String(s) => &s.value,
        ast::ObjectPropName::Word(w) => w.value,
    }
}

/// Byte range of a member's key.
pub fn key_range(n: &ast::ObjectPropName<'_>) -> (usize, usize) {
    let r = jsonc_parser::common::Ranged::range(n);
    (r.start, r.end)
}

/// Byte range of a value.
pub fn range(v: &ast::Value<'_>) -> (usize, usize) {
    let r = jsonc_parser::common::Ranged::range(v);
    (r.start, r.end)
}

/// One replacement: bytes `start..end` become `text`.
#[derive(Debug, Clone)]
pub struct Splice {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Applies non-overlapping splices (in any order) to `text`.
pub fn apply(text: &str, mut splices: Vec<Splice>) -> String {
    splices.sort_by_key(|s| (s.start, s.end));
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for s in splices {
        if s.start < at || s.end > text.len() {
            continue; // overlapping or out of range: never produced by this module's callers
        }
        out.push_str(&text[at..s.start]);
        out.push_str(&s.text);
        at = s.end;
    }
    out.push_str(&text[at..]);
    out
}

/// How the file writes what it contains: indent unit, line ending, whether it is one line.
#[derive(Debug, Clone)]
pub struct Style {
    pub unit: String,
    pub newline: &'static str,
    pub minified: bool,
}

impl Style {
    /// Detects the style of `text`: the smallest indentation of any line is the unit (two
    /// spaces when nothing is indented); CRLF if the text uses it.
    pub fn detect(text: &str) -> Style {
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let minified = !text.trim().contains('\n');
        let unit = text
            .lines()
            .skip(1)
            .map(|l| &l[..l.len() - l.trim_start_matches([' ', '\t']).len()])
            .filter(|ws| !ws.is_empty() && ws.len() <= MAX_UNIT)
            .min_by_key(|ws| ws.len())
            .map(|ws| if ws.starts_with('\t') { "\t".to_string() } else { ws.to_string() })
            .unwrap_or_else(|| "  ".to_string());
        Style { unit, newline, minified }
    }
}

/// Indentation longer than this is not an indent unit (it is alignment or a broken file).
const MAX_UNIT: usize = 8;

/// The leading whitespace of the line holding byte `offset`.
pub fn line_indent(text: &str, offset: usize) -> &str {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// How to write a new value at one place: pretty (with this indent for its first line's
/// nesting level) or on one line with these separators.
#[derive(Debug, Clone)]
pub struct Layout<'s> {
    pub style: &'s Style,
    pub pretty: bool,
    pub indent: String,
    pub colon: String,
    pub comma: String,
}

/// Writes `value` in the given layout. Strings and numbers are spelled as serde_json spells them
/// (only the characters JSON requires are escaped; non-ASCII text stays as is).
pub fn render(value: &Value, layout: &Layout<'_>) -> String {
    let mut out = String::new();
    write_value(value, layout, &layout.indent, &mut out);
    out
}

fn write_value(value: &Value, layout: &Layout<'_>, indent: &str, out: &mut String) {
    let (open, close, empty) = match value {
        Value::Object(m) => ('{', '}', m.is_empty()),
        Value::Array(a) => ('[', ']', a.is_empty()),
        scalar => {
            out.push_str(&serde_json::to_string(scalar).unwrap_or_else(|_| "null".into()));
            return;
        }
    };
    out.push(open);
    if empty {
        out.push(close);
        return;
    }
    let inner = format!("{indent}{}", layout.style.unit);
    let mut first = true;
    let mut item = |out: &mut String| {
        if layout.pretty {
            if !first {
                out.push(',');
            }
            out.push_str(layout.style.newline);
            out.push_str(&inner);
        } else if !first {
            out.push_str(&layout.comma);
        }
        first = false;
    };
    match value {
        Value::Object(m) => {
            for (k, v) in m {
                item(out);
                out.push_str(&serde_json::to_string(k).unwrap_or_default());
                out.push_str(if layout.pretty { ": " } else { &layout.colon });
                write_value(v, layout, &inner, out);
            }
        }
        Value::Array(a) => {
            for v in a {
                item(out);
                write_value(v, layout, &inner, out);
            }
        }
        _ => {}
    }
    if layout.pretty {
        out.push_str(layout.style.newline);
        out.push_str(indent);
    }
    out.push(close);
}

/// The children of a container as byte ranges: for members from key start to value end.
pub struct Entries {
    /// Offset of `{` / `[`.
    pub open: usize,
    /// Offset of `}` / `]`.
    pub close: usize,
    pub items: Vec<(usize, usize)>,
    /// `": "` or whatever the first member uses between key and value.
    pub colon: Option<String>,
}

impl Entries {
    pub fn of(text: &str, node: &ast::Value<'_>) -> Option<Entries> {
        let (start, end) = range(node);
        let (items, colon) = match node {
            ast::Value::Object(o) => {
                let items: Vec<_> = o
                    .properties
                    .iter()
                    .map(|p| (key_range(&p.name).0, range(&p.value).1))
                    .collect();
                let colon = o.properties.first().and_then(|p| {
                    text.get(key_range(&p.name).1..range(&p.value).0).map(str::to_string)
                });
                (items, colon)
            }
            ast::Value::Array(a) => (a.elements.iter().map(range).collect(), None),
            _ => return None,
        };
        Some(Entries { open: start, close: end.saturating_sub(1), items, colon })
    }

    /// The splice removing entry `i` with its separator.
    pub fn remove(&self, i: usize) -> Option<Splice> {
        let n = self.items.len();
        let (start, end) = match i {
            _ if i >= n => return None,
            _ if n == 1 => (self.open + 1, self.close),
            _ if i + 1 < n => (self.items[i].0, self.items[i + 1].0),
            _ => (self.items[i - 1].1, self.items[i].1),
        };
        Some(Splice { start, end, text: String::new() })
    }

    /// The separator between entries (a comma and whitespace), copied from the text.
    fn separator(&self, text: &str, style: &Style) -> String {
        match self.items.as_slice() {
            [] => ",".into(),
            [only] => {
                let leading = &text[self.open + 1..only.0];
                let spaced = self.colon.as_deref().map_or(!style.minified, |c| c.contains(' '));
                match leading.contains('\n') {
                    true => format!(",{leading}"),
                    false if spaced => ", ".into(),
                    false => ",".into(),
                }
            }
            [a, b, ..] => text[a.1..b.0].to_string(),
        }
    }

    /// How a new entry is to be written here.
    pub fn layout<'s>(&self, text: &str, style: &'s Style) -> Layout<'s> {
        let sep = self.separator(text, style);
        let (pretty, indent) = if self.items.is_empty() {
            let pretty = !style.minified;
            (pretty, format!("{}{}", line_indent(text, self.open), style.unit))
        } else if let Some(nl) = sep.rfind('\n') {
            (true, sep[nl + 1..].to_string())
        } else {
            (false, line_indent(text, self.items[0].0).to_string())
        };
        let comma = if pretty {
            ", ".into()
        } else if self.items.is_empty() {
            if style.minified { ",".into() } else { ", ".into() }
        } else {
            sep.trim_end_matches(['\r', '\n']).to_string()
        };
        let colon = self
            .colon
            .clone()
            .filter(|c| !c.contains('\n'))
            .unwrap_or_else(|| if style.minified { ":".into() } else { ": ".into() });
        Layout { style, pretty, indent, colon, comma }
    }

    /// The splice inserting already written `entry` text so it becomes entry `k`.
    pub fn insert(&self, text: &str, style: &Style, k: usize, entry: &str) -> Splice {
        let n = self.items.len();
        let sep = self.separator(text, style);
        if n == 0 {
            let layout = self.layout(text, style);
            let body = if layout.pretty {
                let outer = line_indent(text, self.open);
                format!("{nl}{}{entry}{nl}{outer}", layout.indent, nl = style.newline)
            } else {
                entry.to_string()
            };
            return Splice { start: self.open + 1, end: self.close, text: body };
        }
        if k < n {
            let at = self.items[k].0;
            let sep = if k == 0 { sep } else { text[self.items[k - 1].1..at].to_string() };
            return Splice { start: at, end: at, text: format!("{entry}{sep}") };
        }
        let at = self.items[n - 1].1;
        Splice { start: at, end: at, text: format!("{sep}{entry}") }
    }
}

/// Re-indents the text of a value written at `from` indentation so it sits at `to`. Safe for any
/// JSON value: a line break can only be whitespace between tokens, never inside a string.
pub fn reindent(value_text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(value_text.len());
    for (i, line) in value_text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(to);
            out.push_str(line.strip_prefix(from).unwrap_or(line));
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_style() {
        let s = Style::detect("{\r\n\t\"a\": {\r\n\t\t\"b\": 1\r\n\t}\r\n}");
        assert_eq!((s.unit.as_str(), s.newline, s.minified), ("\t", "\r\n", false));
        let s = Style::detect("{\"a\":1}\n");
        assert!(s.minified);
        let s = Style::detect("{\n    \"a\": [\n        1\n    ]\n}");
        assert_eq!(s.unit, "    ");
    }

    #[test]
    fn renders_pretty_and_compact() {
        let style = Style::detect("{\n  \"a\": 1\n}");
        let v = serde_json::json!({"x": [1, {"y": "é\n"}], "z": {}});
        let pretty = Layout {
            style: &style,
            pretty: true,
            indent: "  ".into(),
            colon: ": ".into(),
            comma: ", ".into(),
        };
        assert_eq!(
            render(&v, &pretty),
            "{\n    \"x\": [\n      1,\n      {\n        \"y\": \"é\\n\"\n      }\n    ],\n    \"z\": {}\n  }"
        );
        let compact = Layout { pretty: false, colon: ":".into(), comma: ",".into(), ..pretty };
        assert_eq!(render(&v, &compact), "{\"x\":[1,{\"y\":\"é\\n\"}],\"z\":{}}");
    }

    #[test]
    fn reindents_every_line_after_the_first() {
        assert_eq!(reindent("{\n    \"a\": 1\n  }", "  ", "\t"), "{\n\t  \"a\": 1\n\t}");
    }
}
