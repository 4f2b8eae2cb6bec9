//! The JSONPath parser (Jayway grammar, AWS roots). Byte offsets in errors point into the text.

use super::filter::{self, Expr};
use super::{Function, Path, Root, Segment, Selector, SyntaxError};

pub(super) struct Cursor<'s> {
    pub text: &'s str,
    pub pos: usize,
    /// How many filter expressions enclose the cursor (bounded, so no input can exhaust the
    /// stack).
    pub depth: usize,
}

/// The deepest nesting of filters and parentheses accepted.
pub(super) const MAX_DEPTH: usize = 32;

impl<'s> Cursor<'s> {
    pub fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    pub fn peek_at(&self, n: usize) -> Option<char> {
        self.text[self.pos..].chars().nth(n)
    }

    pub fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    pub fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    pub fn eat_str(&mut self, s: &str) -> bool {
        if self.text[self.pos..].starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    pub fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(c) if c.is_whitespace()) {
            self.bump();
        }
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    pub fn error(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError { message: message.into(), offset: self.pos }
    }
}

/// Variable names start with a letter or `_` and go on with letters, digits and `_`.
fn is_var_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_var_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Parses `source`; like Jayway, surrounding whitespace is ignored (offsets still count from the
/// start of `source`).
pub(super) fn parse(source: &str) -> Result<Path, SyntaxError> {
    let lead = source.len() - source.trim_start().len();
    parse_trimmed(source, source.trim()).map_err(|e| SyntaxError { offset: e.offset + lead, ..e })
}

fn parse_trimmed(source: &str, text: &str) -> Result<Path, SyntaxError> {
    let mut cur = Cursor { text, pos: 0, depth: 0 };
    if !cur.eat('$') {
        return Err(cur.error("a path must start with '$'"));
    }
    let root = if cur.eat('$') {
        Root::Context
    } else if cur.peek().is_some_and(is_var_start) {
        let start = cur.pos;
        while cur.peek().is_some_and(is_var_char) {
            cur.bump();
        }
        Root::Variable(text[start..cur.pos].into())
    } else {
        Root::Input
    };
    let (segments, function) = parse_segments(&mut cur, false)?;
    if !cur.at_end() {
        return Err(cur.error("unexpected character"));
    }
    let definite = segments
        .iter()
        .all(|s| matches!(s, Segment::Child(Selector::Name(_) | Selector::Index(_))));
    Ok(Path { source: source.into(), root, segments, function, definite })
}

/// Parses steps until the end of the text or, inside a filter, the first character that cannot
/// continue a path.
pub(super) fn parse_segments(
    cur: &mut Cursor<'_>,
    in_filter: bool,
) -> Result<(Vec<Segment>, Option<Function>), SyntaxError> {
    let mut segments = Vec::new();
    loop {
        match cur.peek() {
            None => break,
            Some('.') => {
                let dot = cur.pos;
                cur.bump();
                if cur.eat('.') {
                    let sel = match cur.peek() {
                        Some('[') => {
                            cur.bump();
                            parse_bracket(cur)?
                        }
                        Some('*') => {
                            cur.bump();
                            Selector::Wildcard
                        }
                        _ => Selector::Name(dot_name(cur, in_filter)?.into()),
                    };
                    segments.push(Segment::Descendant(sel));
                } else if cur.eat('*') {
                    segments.push(Segment::Child(Selector::Wildcard));
                } else if cur.peek() == Some('[') {
                    // Jayway accepts `$.['a']` as `$['a']`.
                    cur.bump();
                    segments.push(Segment::Child(parse_bracket(cur)?));
                } else {
                    let name = dot_name(cur, in_filter)?;
                    if cur.peek() == Some('(') {
                        let function = function_named(name).ok_or(SyntaxError {
                            message: format!("unknown path function '{name}()'"),
                            offset: dot + 1,
                        })?;
                        cur.bump();
                        cur.skip_ws();
                        if !cur.eat(')') {
                            return Err(cur.error("path functions take no arguments here"));
                        }
                        return Ok((segments, Some(function)));
                    }
                    segments.push(Segment::Child(Selector::Name(name.into())));
                }
            }
            Some('[') => {
                cur.bump();
                segments.push(Segment::Child(parse_bracket(cur)?));
            }
            Some(_) if in_filter => break,
            Some(_) => return Err(cur.error("expected '.' or '[' after a path step")),
        }
    }
    Ok((segments, None))
}

fn function_named(name: &str) -> Option<Function> {
    Some(match name {
        "length" | "size" => Function::Length,
        "min" => Function::Min,
        "max" => Function::Max,
        "avg" => Function::Avg,
        "sum" => Function::Sum,
        "keys" => Function::Keys,
        _ => return None,
    })
}

/// A name after `.`: Jayway reads up to `.`, `[`, `(` (and rejects a space). In a filter the
/// name also ends at an operator or a closing parenthesis.
fn dot_name<'s>(cur: &mut Cursor<'s>, in_filter: bool) -> Result<&'s str, SyntaxError> {
    let start = cur.pos;
    while let Some(c) = cur.peek() {
        if c == '.' || c == '[' || c == '(' {
            break;
        }
        if c.is_whitespace() {
            if in_filter {
                break;
            }
            return Err(cur.error("use bracket notation ['my prop'] for names with blanks"));
        }
        if in_filter && matches!(c, ')' | '=' | '!' | '<' | '>' | '&' | '|' | ',' | ']') {
            break;
        }
        cur.bump();
    }
    if cur.pos == start {
        return Err(cur.error("expected a property name"));
    }
    Ok(&cur.text[start..cur.pos])
}

/// After `[`: `*`, `?(filter)`, quoted names, indexes, or a slice; consumes the `]`.
fn parse_bracket(cur: &mut Cursor<'_>) -> Result<Selector, SyntaxError> {
    cur.skip_ws();
    let sel = match cur.peek() {
        Some('*') => {
            cur.bump();
            Selector::Wildcard
        }
        Some('?') => {
            cur.bump();
            cur.skip_ws();
            if !cur.eat('(') {
                return Err(cur.error("expected '(' after '?'"));
            }
            let expr: Expr = filter::parse_expr(cur)?;
            cur.skip_ws();
            if !cur.eat(')') {
                return Err(cur.error("expected ')' to close the filter"));
            }
            Selector::Filter(Box::new(expr))
        }
        Some('\'' | '"') => {
            let mut names = vec![quoted(cur)?];
            loop {
                cur.skip_ws();
                if !cur.eat(',') {
                    break;
                }
                cur.skip_ws();
                names.push(quoted(cur)?);
            }
            if names.len() == 1 {
                Selector::Name(names.remove(0).into())
            } else {
                Selector::Names(names.into_iter().map(Into::into).collect())
            }
        }
        Some(c) if c == '-' || c == ':' || c.is_ascii_digit() => indexes_or_slice(cur)?,
        _ => return Err(cur.error("expected '*', '?(', a quoted name, an index or a slice")),
    };
    cur.skip_ws();
    if !cur.eat(']') {
        return Err(cur.error("expected ']'"));
    }
    Ok(sel)
}

/// A quoted name. As in AWS, a backslash only keeps the next character from closing the quote:
/// it stays in the name.
pub(super) fn quoted(cur: &mut Cursor<'_>) -> Result<String, SyntaxError> {
    let quote = match cur.bump() {
        Some(q @ ('\'' | '"')) => q,
        _ => return Err(cur.error("expected a quote")),
    };
    let start = cur.pos;
    let mut escaped = false;
    while let Some(c) = cur.peek() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == quote {
            let name = cur.text[start..cur.pos].to_owned();
            cur.bump();
            return Ok(name);
        }
        cur.bump();
    }
    Err(cur.error("unterminated quoted name"))
}

pub(super) fn integer(cur: &mut Cursor<'_>) -> Result<i64, SyntaxError> {
    let start = cur.pos;
    cur.eat('-');
    while cur.peek().is_some_and(|c| c.is_ascii_digit()) {
        cur.bump();
    }
    cur.text[start..cur.pos]
        .parse()
        .map_err(|_| SyntaxError { message: "expected an integer".into(), offset: start })
}

fn indexes_or_slice(cur: &mut Cursor<'_>) -> Result<Selector, SyntaxError> {
    let first = if cur.peek() == Some(':') { None } else { Some(integer(cur)?) };
    cur.skip_ws();
    if cur.eat(':') {
        cur.skip_ws();
        let end = if matches!(cur.peek(), Some(c) if c == '-' || c.is_ascii_digit()) {
            Some(integer(cur)?)
        } else {
            None
        };
        cur.skip_ws();
        if cur.peek() == Some(':') {
            return Err(cur.error("slices take no step"));
        }
        return Ok(Selector::Slice(first, end));
    }
    let Some(first) = first else {
        return Err(cur.error("expected an index"));
    };
    let mut all = vec![first];
    loop {
        cur.skip_ws();
        if !cur.eat(',') {
            break;
        }
        cur.skip_ws();
        all.push(integer(cur)?);
    }
    Ok(if all.len() == 1 { Selector::Index(first) } else { Selector::Indexes(all) })
}

/// Where the first indefinite construct of a path starts (for reference-path errors).
pub(super) fn first_indefinite_offset(source: &str) -> usize {
    ["..", "*", "?", ":", ",", "("].iter().filter_map(|t| source.find(t)).min().unwrap_or(0)
}
