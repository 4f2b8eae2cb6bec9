//! JSONPath payload templates (`Parameters`, `ResultSelector`, `ItemSelector`, `Assign`,
//! `Credentials`, ...) and the intrinsic functions their `.$` fields may call.
//!
//! Guarantees: every `"key.$"` value, at any depth, is a path or a well-formed intrinsic
//! function call with a known name and a valid number of arguments; string literals inside a
//! call use only the escapes AWS accepts (`\'`, `\{`, `\}`, `\\`); a `"key.$"` beside a `"key"`
//! in the same object (the same field twice once `.$` is stripped) is reported at the `.$` key.
//! The intrinsic parser here is the syntax check only; evaluation lives with the engine.

use serde_json::Value;

use super::paths::{PathKind, path_problem};
use super::{Ctx, at, kind};
use crate::diagnostic::Code;

/// A payload-template field (`Parameters`, `ResultSelector`, `ItemSelector`): an object.
pub(crate) fn check_template_field(value: &Value, ptr: &str, _key: &str, cx: &mut Ctx<'_>) {
    // AWS accepts any JSON value here (lists and plain values too).
    check_template(value, ptr, cx);
}

/// JSONPath `Assign`: an object whose `.$` fields are paths or intrinsic calls.
pub(crate) fn check_assign(value: &Value, ptr: &str, cx: &mut Ctx<'_>) {
    if !value.is_object() {
        cx.error(
            Code::InvalidFieldValue,
            ptr,
            format!(
                "'Assign' must be an object of variable names and values, not {}.",
                kind(value)
            ),
        );
        return;
    }
    check_template(value, ptr, cx);
}

/// Walks a payload template at any depth.
pub(crate) fn check_template(value: &Value, ptr: &str, cx: &mut Ctx<'_>) {
    match value {
        Value::Object(obj) => {
            for (key, child) in obj {
                let here = at(ptr, key);
                match key.strip_suffix(".$") {
                    Some(plain) => {
                        if obj.contains_key(plain) {
                            cx.error(
                                Code::SchemaValidationFailed,
                                &here,
                                format!("The field '{plain}' is given twice: as '{plain}' and as '{key}'."),
                            )
                            .hint = Some(format!("'{key}' becomes '{plain}' once its value is computed; keep only one of them."));
                        }
                        check_dynamic(child, &here, key, cx);
                    }
                    None => {
                        super::lint::literal_path(key, child, &here, super::Ql::JsonPath, cx);
                        check_template(child, &here, cx);
                    }
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_template(item, &format!("{ptr}/{i}"), cx);
            }
        }
        _ => {}
    }
}

fn check_dynamic(value: &Value, ptr: &str, key: &str, cx: &mut Ctx<'_>) {
    let hint = "A field ending in .$ takes its value from a path like \"$.name\", \"$$.Execution.Id\", \"$myVariable\" or an intrinsic function like \"States.Format('...', $.x)\". To use a fixed value, drop the .$ from the name.";
    let problem = match value.as_str() {
        None => Some(format!("it is {}", kind(value))),
        Some(text) if text.starts_with("States.") => intrinsic_problem(text),
        Some(text) => path_problem(text, PathKind::Path),
    };
    if let Some(problem) = problem {
        cx.error(
            Code::InvalidPath,
            ptr,
            format!("The value for the field '{key}' must be a valid JSONPath or a valid intrinsic function call: {problem}."),
        )
        .hint = Some(hint.into());
    }
}

/// Known intrinsic functions and their argument counts (min, max).
const FUNCTIONS: &[(&str, usize, usize)] = &[
    ("States.Format", 1, usize::MAX),
    ("States.StringToJson", 1, 1),
    ("States.JsonToString", 1, 1),
    ("States.Array", 0, usize::MAX),
    ("States.ArrayPartition", 2, 2),
    ("States.ArrayContains", 2, 2),
    ("States.ArrayRange", 3, 3),
    ("States.ArrayGetItem", 2, 2),
    ("States.ArrayLength", 1, 1),
    ("States.ArrayUnique", 1, 1),
    ("States.Base64Encode", 1, 1),
    ("States.Base64Decode", 1, 1),
    ("States.Hash", 2, 2),
    ("States.JsonMerge", 3, 3),
    ("States.MathRandom", 2, 3),
    ("States.MathAdd", 2, 2),
    ("States.StringSplit", 2, 2),
    ("States.UUID", 0, 0),
];

/// Why `text` is not one well-formed intrinsic function call, or `None`.
pub(crate) fn intrinsic_problem(text: &str) -> Option<String> {
    let mut p = Parser { s: text.as_bytes(), i: 0 };
    if let Err(e) = p.call() {
        return Some(e);
    }
    p.skip_spaces();
    if p.i != p.s.len() {
        return Some(format!("unexpected text after the call: \"{}\"", &text[p.i..]));
    }
    None
}

struct Parser<'s> {
    s: &'s [u8],
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn skip_spaces(&mut self) {
        while self.peek() == Some(b' ') {
            self.i += 1;
        }
    }

    fn call(&mut self) -> Result<(), String> {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'.') {
            self.i += 1;
        }
        let name = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("");
        let Some(&(_, min, max)) = FUNCTIONS.iter().find(|(n, ..)| *n == name) else {
            return Err(format!("\"{name}\" is not an intrinsic function"));
        };
        if self.peek() != Some(b'(') {
            return Err(format!("{name} must be followed by '('"));
        }
        self.i += 1;
        let mut count = 0;
        self.skip_spaces();
        if self.peek() == Some(b')') {
            self.i += 1;
        } else {
            loop {
                self.skip_spaces();
                self.argument()?;
                count += 1;
                self.skip_spaces();
                match self.peek() {
                    Some(b',') => self.i += 1,
                    Some(b')') => {
                        self.i += 1;
                        break;
                    }
                    Some(c) => {
                        return Err(format!("expected ',' or ')' but found '{}'", char::from(c)));
                    }
                    None => return Err(format!("{name}( is not closed by ')'")),
                }
            }
        }
        if count < min || count > max {
            let want = match (min, max) {
                (a, b) if a == b => format!("{a}"),
                (a, usize::MAX) => format!("at least {a}"),
                (a, b) => format!("{a} to {b}"),
            };
            return Err(format!("{name} takes {want} argument(s), not {count}"));
        }
        Ok(())
    }

    fn argument(&mut self) -> Result<(), String> {
        match self.peek() {
            Some(b'\'') => self.string(),
            Some(b'$') => {
                let start = self.i;
                let mut depth = 0usize;
                let mut quote = None;
                while let Some(c) = self.peek() {
                    match quote {
                        Some(q) => {
                            if c == q {
                                quote = None;
                            }
                        }
                        None => match c {
                            b'\'' | b'"' if depth > 0 => quote = Some(c),
                            b'[' | b'(' => depth += 1,
                            b']' | b')' if depth > 0 => depth -= 1,
                            b',' | b')' if depth == 0 => break,
                            b' ' if depth == 0 => break,
                            _ => {}
                        },
                    }
                    self.i += 1;
                }
                let path = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("");
                match path_problem(path, PathKind::Path) {
                    Some(p) => Err(p),
                    None => Ok(()),
                }
            }
            Some(b'S') => self.call(),
            Some(c) if c == b'-' || c.is_ascii_digit() => {
                let start = self.i;
                self.i += 1;
                while self.peek().is_some_and(|c| {
                    c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-')
                }) {
                    self.i += 1;
                }
                let n = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("");
                n.parse::<f64>().map(|_| ()).map_err(|_| format!("\"{n}\" is not a number"))
            }
            Some(_) => {
                for word in ["null", "true", "false"] {
                    if self.s[self.i..].starts_with(word.as_bytes()) {
                        self.i += word.len();
                        return Ok(());
                    }
                }
                Err("an argument must be a 'text', a number, true, false, null, a path or another function".into())
            }
            None => Err("the call ends in the middle of its arguments".into()),
        }
    }

    fn string(&mut self) -> Result<(), String> {
        self.i += 1;
        while let Some(c) = self.peek() {
            self.i += 1;
            match c {
                b'\\' => match self.peek() {
                    Some(b'\'' | b'{' | b'}' | b'\\') => self.i += 1,
                    Some(other) => {
                        return Err(format!(
                            "'\\{}' is not an allowed escape in a text argument (only \\', \\{{, \\}} and \\\\ are)",
                            char::from(other)
                        ));
                    }
                    None => break,
                },
                b'\'' => return Ok(()),
                _ => {}
            }
        }
        Err("a text argument is not closed by '".into())
    }
}

#[cfg(test)]
mod tests {
    use super::intrinsic_problem;

    #[test]
    fn intrinsic_calls() {
        let table: &[(&str, bool)] = &[
            ("States.Array()", true),
            ("States.UUID()", true),
            ("States.Format('Hello {}, welcome to {}!', $.name, $place)", true),
            ("States.Format('Welcome to {} {}\\'s playlist.', $.a, $.b)", true),
            ("States.Array('Foo', 2020, $.someJson, null)", true),
            ("States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 0)", true),
            ("States.ArrayGetItem($.a[?(@.k == x)].v, 0)", true),
            ("States.MathRandom($.a, $.b)", true),
            ("States.ArrayPartition($.inputArray,4)", true),
            ("States.Xyz($.result)", false),
            ("States.JsonToString($", false),
            ("States.StringToJson $.escaped)", false),
            ("States. ", false),
            ("States.UUID(1)", false),
            ("States.Format('He said, \\\"Hi\\\"', 'x')", false),
            ("States.Format('x') trailing", false),
            ("States.Array('open", false),
        ];
        for (text, ok) in table {
            assert_eq!(
                intrinsic_problem(text).is_none(),
                *ok,
                "{text}: {:?}",
                intrinsic_problem(text)
            );
        }
    }
}
