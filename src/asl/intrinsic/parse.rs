//! The intrinsic-function parser: `States.Name(arg, ...)` with nested calls, `'...'` strings,
//! numbers, `true`/`false`/`null` and paths as arguments.

use serde_json::Value;

use super::{Arg, Func, Intrinsic};
use crate::asl::path::{Path, SyntaxError};

struct Cursor<'s> {
    text: &'s str,
    pos: usize,
    checked: bool,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(c) if c.is_whitespace()) {
            self.bump();
        }
    }

    fn error(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError { message: message.into(), offset: self.pos }
    }
}

/// True when `text` looks like an intrinsic call (starts with `States.` and a name and `(`), the
/// test ASL uses to tell a call from a path in a `.$` field.
pub fn looks_like_call(text: &str) -> bool {
    text.trim_start().starts_with("States.")
}

/// Parses a call; with `checked`, also refuses arguments that can never suit their function
/// (see `types`).
pub(super) fn parse(text: &str, checked: bool) -> Result<Intrinsic, SyntaxError> {
    let mut cur = Cursor { text, pos: 0, checked };
    cur.skip_ws();
    let call = call(&mut cur, 0)?;
    cur.skip_ws();
    if cur.pos < text.len() {
        return Err(cur.error("unexpected text after the intrinsic function call"));
    }
    Ok(call)
}

const MAX_DEPTH: usize = 64;

fn call(cur: &mut Cursor<'_>, depth: usize) -> Result<Intrinsic, SyntaxError> {
    if depth > MAX_DEPTH {
        return Err(cur.error("intrinsic function calls are nested too deeply"));
    }
    let start = cur.pos;
    if !cur.text[cur.pos..].starts_with("States.") {
        return Err(cur.error("expected an intrinsic function ('States.Name(...)')"));
    }
    cur.pos += "States.".len();
    let name_start = cur.pos;
    while cur.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
        cur.bump();
    }
    let name = &cur.text[name_start..cur.pos];
    let Some(func) = Func::from_name(name) else {
        return Err(SyntaxError {
            message: format!("unknown intrinsic function 'States.{name}'"),
            offset: start,
        });
    };
    cur.skip_ws();
    if cur.bump() != Some('(') {
        return Err(SyntaxError {
            message: format!("expected '(' after 'States.{name}'"),
            offset: cur.pos.saturating_sub(1),
        });
    }
    let mut args = Vec::new();
    let mut offsets = Vec::new();
    cur.skip_ws();
    if cur.peek() == Some(')') {
        cur.bump();
    } else {
        loop {
            cur.skip_ws();
            offsets.push(cur.pos);
            args.push(arg(cur, depth)?);
            cur.skip_ws();
            match cur.bump() {
                Some(',') => {}
                Some(')') => break,
                _ => {
                    return Err(SyntaxError {
                        message: "expected ',' or ')' after an argument".into(),
                        offset: cur.pos.saturating_sub(1).max(name_start),
                    });
                }
            }
        }
    }
    let (min, max) = func.arity();
    if args.len() < min || args.len() > max {
        let expected = match (min, max) {
            (a, b) if a == b => format!("{a}"),
            (a, usize::MAX) => format!("at least {a}"),
            (a, b) => format!("{a} to {b}"),
        };
        return Err(SyntaxError {
            message: format!(
                "States.{name} takes {expected} argument{}, found {}",
                if max == 1 && min == 1 { "" } else { "s" },
                args.len()
            ),
            offset: start,
        });
    }
    if cur.checked {
        super::types::check(func, &args, &offsets)?;
    }
    Ok(Intrinsic { func, args })
}

fn arg(cur: &mut Cursor<'_>, depth: usize) -> Result<Arg, SyntaxError> {
    match cur.peek() {
        Some('\'') => string(cur),
        Some('$') => path(cur),
        Some('S') => call(cur, depth + 1).map(|c| Arg::Call(Box::new(c))),
        Some(c) if c == '-' || c.is_ascii_digit() => number(cur),
        _ => {
            for (word, value) in
                [("true", Value::Bool(true)), ("false", Value::Bool(false)), ("null", Value::Null)]
            {
                if cur.text[cur.pos..].starts_with(word) {
                    cur.pos += word.len();
                    return Ok(Arg::Literal(value));
                }
            }
            Err(cur.error("expected a string, a number, true, false, null, a path or a call"))
        }
    }
}

/// `'...'`: `\'`, `\\`, `\{` and `\}` are escapes. The raw text is kept for `States.Format`,
/// where an escaped brace is not a placeholder.
fn string(cur: &mut Cursor<'_>) -> Result<Arg, SyntaxError> {
    let open = cur.pos;
    cur.bump();
    let start = cur.pos;
    let mut value = String::new();
    loop {
        match cur.bump() {
            None => {
                return Err(SyntaxError {
                    message: "unterminated string literal".into(),
                    offset: open,
                });
            }
            Some('\'') => break,
            Some('\\') => match cur.bump() {
                Some(c @ ('\'' | '\\' | '{' | '}')) => value.push(c),
                Some(c) => {
                    value.push('\\');
                    value.push(c);
                }
                None => {
                    return Err(SyntaxError {
                        message: "unterminated string literal".into(),
                        offset: open,
                    });
                }
            },
            Some(c) => value.push(c),
        }
    }
    let raw = cur.text[start..cur.pos - 1].into();
    Ok(Arg::String { value: value.into(), raw })
}

fn number(cur: &mut Cursor<'_>) -> Result<Arg, SyntaxError> {
    let start = cur.pos;
    while matches!(cur.peek(), Some(c) if c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E'))
    {
        cur.bump();
    }
    serde_json::from_str::<serde_json::Number>(&cur.text[start..cur.pos])
        .map(|n| Arg::Literal(Value::Number(n)))
        .map_err(|_| SyntaxError { message: "invalid number".into(), offset: start })
}

/// A path argument runs to the next `,` or `)` outside brackets and quotes.
fn path(cur: &mut Cursor<'_>) -> Result<Arg, SyntaxError> {
    let start = cur.pos;
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    while let Some(c) = cur.peek() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
        } else {
            match c {
                '\'' | '"' => quote = Some(c),
                '[' | '(' => depth += 1,
                ']' => depth = depth.saturating_sub(1),
                ')' if depth == 0 => break,
                ')' => depth -= 1,
                ',' if depth == 0 => break,
                _ => {}
            }
        }
        cur.bump();
    }
    let text = cur.text[start..cur.pos].trim_end();
    Path::parse(text)
        .map(|p| Arg::Path(Box::new(p)))
        .map_err(|e| SyntaxError { message: e.message, offset: start + e.offset })
}
