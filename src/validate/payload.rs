//! JSONPath payload templates (`Parameters`, `ResultSelector`, `ItemSelector`, `Assign`,
//! `Credentials`, ...) and the intrinsic functions their `.$` fields may call.
//!
//! Guarantees: every `"key.$"` value, at any depth, is a path or a well-formed intrinsic
//! function call with a known name and a valid number of arguments; string literals inside a
//! call use only the escapes AWS accepts (`\'`, `\{`, `\}`, `\\`); a `"key.$"` beside a `"key"`
//! in the same object (the same field twice once `.$` is stripped) is reported at the `.$` key.
//! Intrinsic syntax is the `asl::intrinsic` parser's (the one the engine evaluates with).

use serde_json::Value;

use super::paths::{PathKind, path_problem};
use super::{Ctx, kind};
use crate::asl::intrinsic::Intrinsic;
use crate::diagnostic::Code;

/// A payload-template field (`Parameters`, `ResultSelector`, `ItemSelector`): an object.
pub(crate) fn check_template_field(value: &Value, ptr: &str, _key: &str, cx: &mut Ctx<'_>) {
    // AWS accepts any JSON value here (lists and plain values too).
    check_template(value, ptr, cx);
}

/// JSONPath `Assign`: an object whose `.$` fields are paths or intrinsic calls.
pub(crate) fn check_assign(value: &Value, ptr: &str, cx: &mut Ctx<'_>) {
    if !super::assign_is_object(value, ptr, cx) {
        return;
    }
    check_template(value, ptr, cx);
}

/// Walks a payload template at any depth.
pub(crate) fn check_template(value: &Value, ptr: &str, cx: &mut Ctx<'_>) {
    if value.is_object() || value.is_array() {
        let mut buf = String::with_capacity(ptr.len() + 32);
        buf.push_str(ptr);
        walk_template(value, &mut buf, cx);
    }
}

/// `buf` holds the pointer of `value`; children push their token and truncate it back, so the
/// walk allocates nothing unless it reports.
fn walk_template(value: &Value, buf: &mut String, cx: &mut Ctx<'_>) {
    let len = buf.len();
    match value {
        Value::Object(obj) => {
            for (key, child) in obj {
                buf.push('/');
                buf.push_str(&crate::asl::pointer::escape(key));
                match key.strip_suffix(".$") {
                    Some(plain) => {
                        if obj.contains_key(plain) {
                            cx.error(
                                Code::SchemaValidationFailed,
                                buf.as_str(),
                                format!("The field '{plain}' is given twice: as '{plain}' and as '{key}'."),
                            )
                            .hint = Some(format!("'{key}' becomes '{plain}' once its value is computed; keep only one of them."));
                        }
                        check_dynamic(child, buf, key, cx);
                    }
                    None => {
                        super::lint::literal_path(key, child, buf, super::Ql::JsonPath, cx);
                        walk_template(child, buf, cx);
                    }
                }
                buf.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                use std::fmt::Write;
                let _ = write!(buf, "/{i}");
                walk_template(item, buf, cx);
                buf.truncate(len);
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

/// Why `text` is not one well-formed intrinsic function call, or `None`. The grammar, names
/// and argument counts are [`Intrinsic`]'s; on top of it AWS's creation-time rules: a call
/// starts the field (no leading spaces), text arguments use only the escapes `\'`, `\{`,
/// `\}` and `\\`, and calls nest at most 10 deep.
pub(crate) fn intrinsic_problem(text: &str) -> Option<String> {
    if !text.starts_with("States.") {
        return Some(
            "an intrinsic function call must start with States. (no spaces before it)".into(),
        );
    }
    let call = match Intrinsic::parse_checked(text) {
        Ok(call) => call,
        Err(e) => return Some(e.message),
    };
    if let Some(problem) = escape_problem(text) {
        return Some(problem);
    }
    let depth = call.nesting_depth();
    (depth > 10).then(|| format!("intrinsic functions nest {depth} deep; at most 10 are allowed"))
}

/// A backslash in a `'...'` argument followed by anything but `'`, `{`, `}` or `\`.
fn escape_problem(text: &str) -> Option<String> {
    let mut chars = text.chars();
    let mut in_text = false;
    while let Some(c) = chars.next() {
        match (in_text, c) {
            (false, '\'') => in_text = true,
            (true, '\'') => in_text = false,
            (true, '\\') => match chars.next() {
                Some('\'' | '{' | '}' | '\\') | None => {}
                Some(other) => {
                    return Some(format!(
                        "'\\{other}' is not an allowed escape in a text argument (only \\', \\{{, \\}} and \\\\ are)"
                    ));
                }
            },
            _ => {}
        }
    }
    None
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
            ("States.ArrayGetItem($.a[?(@.k == 'x')].v, 0)", true),
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
