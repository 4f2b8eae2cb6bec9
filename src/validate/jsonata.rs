//! JSONata `{% %}` expressions in JSONata states: parsed when the definition is checked, as AWS
//! parses them when a state machine is created.
//!
//! Guarantees: every string of the form `{% ... %}` in a JSONata field, at any depth, is
//! checked for syntax (reported as INVALID_JSONATA_EXPRESSION at that string), for `$$` (not
//! available in Step Functions' JSONata) and for `$states.errorOutput` outside a Catch
//! (UNSUPPORTED_JSONATA_EXPRESSION). Syntax is the [`crate::jsonata`] parser's (the one the
//! engine evaluates with); a small tokenizer here finds the variables an expression uses.

use serde_json::Value;

use super::{Ctx, at};
use crate::diagnostic::Code;

/// Where an expression sits, which decides what `$states` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    State,
    /// A Catch entry's Output or Assign: `$states.errorOutput` exists here.
    Catch,
}

/// `"{% ... %}"`: a JSONata expression rather than a literal string.
pub(crate) fn is_expression(value: &Value) -> bool {
    value.as_str().is_some_and(|s| s.len() >= 4 && s.starts_with("{%") && s.ends_with("%}"))
}

/// JSONata `Assign`: an object of variable names to values (expressions allowed at any depth).
pub(crate) fn check_assign(value: &Value, ptr: &str, scope: Scope, cx: &mut Ctx<'_>) {
    if !super::assign_is_object(value, ptr, cx) {
        return;
    }
    check_value(value, ptr, scope, cx);
}

/// Checks every `{% %}` string in `value`, at any depth.
pub(crate) fn check_value(value: &Value, ptr: &str, scope: Scope, cx: &mut Ctx<'_>) {
    match value {
        Value::String(s) if is_expression(value) => {
            check_expression(&s[2..s.len() - 2], ptr, scope, cx)
        }
        Value::Object(obj) => {
            for (k, v) in obj {
                let here = at(ptr, k);
                if matches!(v, Value::String(_)) && !is_expression(v) {
                    super::lint::literal_path(k, v, &here, super::Ql::Jsonata, cx);
                    continue;
                }
                check_value(v, &here, scope, cx);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                if matches!(v, Value::String(_)) && !is_expression(v) {
                    continue;
                }
                check_value(v, &format!("{ptr}/{i}"), scope, cx);
            }
        }
        _ => {}
    }
}

fn check_expression(body: &str, ptr: &str, scope: Scope, cx: &mut Ctx<'_>) {
    if let Err(e) = crate::jsonata::parse(body) {
        // The body starts after the string's "{%".
        report_syntax(&e.message, ptr, cx).offset = Some(2 + e.position.min(body.len()));
        return;
    }
    // The expression parses; look at its variables for what Step Functions adds or removes.
    let Ok((tokens, starts)) = tokens_at(body) else { return };
    for (i, t) in tokens.iter().enumerate() {
        let Tok::Var(name) = t else { continue };
        // The body starts after the string's "{%".
        let offset = Some(2 + starts[i]);
        if name == "$$" {
            let d = cx.error(
                Code::InvalidJsonataExpression,
                ptr,
                "'$$' is not available in Step Functions JSONata expressions.",
            );
            d.hint = Some("Use $states.input for the state's input and $states.context for the execution context.".into());
            d.offset = offset;
            return;
        }
        if name == "$states"
            && scope != Scope::Catch
            && matches!(tokens.get(i + 1), Some(Tok::Op(".")))
            && matches!(tokens.get(i + 2), Some(Tok::Name(n)) if n == "errorOutput")
        {
            let d = cx.error(
                Code::UnsupportedJsonataExpression,
                ptr,
                "Field '$states.errorOutput' does not exist here.",
            );
            d.hint = Some("$states.errorOutput (the error being handled) only exists in a Catch entry's Output and Assign.".into());
            d.offset = offset;
            return;
        }
    }
}

fn report_syntax<'c>(
    e: &str,
    ptr: &str,
    cx: &'c mut Ctx<'_>,
) -> &'c mut crate::diagnostic::Diagnostic {
    let plain = plain_message(e);
    let plain = plain.trim_end_matches('.');
    let d = cx.error(
        Code::InvalidJsonataExpression,
        ptr,
        format!("This JSONata expression cannot be read: {plain}."),
    );
    d.hint = Some("Check brackets, quotes and operators between {% and %}.".into());
    d
}

/// The parser's message as AWS words it: no `S0202:` code, symbols instead of token names
/// (`Expected "]", got ","`).
fn plain_message(e: &str) -> String {
    let e = match e.split_once(": ") {
        Some((code, rest))
            if code.len() == 5
                && code.starts_with(['S', 'T', 'D'])
                && code[1..].bytes().all(|b| b.is_ascii_digit()) =>
        {
            rest
        }
        _ => e,
    };
    const TOKENS: [(&str, &str); 11] = [
        ("RightBracket", "\"]\""),
        ("LeftBracket", "\"[\""),
        ("RightParen", "\")\""),
        ("LeftParen", "\"(\""),
        ("RightBrace", "\"}\""),
        ("LeftBrace", "\"{\""),
        ("Comma", "\",\""),
        ("Semicolon", "\";\""),
        ("Colon", "\":\""),
        ("Dot", "\".\""),
        ("String(", "string ("),
    ];
    let mut out = e.to_string();
    for (name, symbol) in TOKENS {
        out = out.replace(name, symbol);
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num,
    Str,
    Regex,
    Name(String),
    Var(String),
    Op(&'static str),
    End,
}

const OPERATORS: &[&str] = &[
    "..", ":=", "!=", "<=", ">=", "~>", "**", "??", "?:", ".", "[", "]", "{", "}", "(", ")", ",",
    "@", "#", ";", ":", "?", "+", "-", "*", "/", "%", "|", "=", "<", ">", "^", "&", "!", "~",
];

/// The tokens of `s` and where each starts (a byte offset into `s`).
fn tokens_at(s: &str) -> Result<(Vec<Tok>, Vec<usize>), String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    let mut i = 0;
    // A '/' starts a regular expression where an operand is expected.
    let operand_expected = |out: &Vec<Tok>| match out.last() {
        None => true,
        Some(Tok::Op(o)) => !matches!(*o, ")" | "]" | "}"),
        Some(Tok::Name(n)) => matches!(n.as_str(), "and" | "or" | "in"),
        _ => false,
    };
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c == '/' && chars.get(i + 1) == Some(&'*') {
            let mut j = i + 2;
            while j + 1 < chars.len() && !(chars[j] == '*' && chars[j + 1] == '/') {
                j += 1;
            }
            if j + 1 >= chars.len() {
                return Err("Comment has no closing tag".into());
            }
            i = j + 2;
            continue;
        }
        if c == '/' && operand_expected(&out) {
            let mut j = i + 1;
            loop {
                match chars.get(j) {
                    None => return Err("No terminating / in regular expression".into()),
                    Some('\\') => j += 2,
                    Some('/') if j > i + 1 => break,
                    Some('/') => return Err("Empty regular expressions are not allowed".into()),
                    Some(_) => j += 1,
                }
            }
            j += 1;
            while chars.get(j).is_some_and(|c| matches!(c, 'i' | 'm')) {
                j += 1;
            }
            starts.push(i);
            out.push(Tok::Regex);
            i = j;
            continue;
        }
        if c == '"' || c == '\'' {
            let mut j = i + 1;
            loop {
                match chars.get(j) {
                    None => {
                        return Err("String literal must be terminated by a matching quote".into());
                    }
                    Some('\\') => match chars.get(j + 1) {
                        Some('"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't' | '\'') => j += 2,
                        Some('u') => {
                            let hex = chars.get(j + 2..j + 6);
                            if !hex.is_some_and(|h| h.iter().all(char::is_ascii_hexdigit)) {
                                return Err(
                                    "The escape sequence \\u must be followed by 4 hex digits"
                                        .into(),
                                );
                            }
                            j += 6;
                        }
                        Some(other) => {
                            return Err(format!("Unsupported escape sequence: \\{other}"));
                        }
                        None => {
                            return Err(
                                "String literal must be terminated by a matching quote".into()
                            );
                        }
                    },
                    Some(q) if *q == c => break,
                    Some(_) => j += 1,
                }
            }
            starts.push(i);
            out.push(Tok::Str);
            i = j + 1;
            continue;
        }
        if c == '`' {
            let Some(len) = chars[i + 1..].iter().position(|&d| d == '`') else {
                return Err("Quoted property name must be terminated with a backquote (`)".into());
            };
            let name: String = chars[i + 1..i + 1 + len].iter().collect();
            starts.push(i);
            out.push(Tok::Name(name));
            i += len + 2;
            continue;
        }
        if c.is_ascii_digit() {
            let mut j = i;
            while chars.get(j).is_some_and(char::is_ascii_digit) {
                j += 1;
            }
            if chars.get(j) == Some(&'.') && chars.get(j + 1).is_some_and(char::is_ascii_digit) {
                j += 1;
                while chars.get(j).is_some_and(char::is_ascii_digit) {
                    j += 1;
                }
            }
            if chars.get(j).is_some_and(|c| matches!(c, 'e' | 'E')) {
                let mut k = j + 1;
                if chars.get(k).is_some_and(|c| matches!(c, '+' | '-')) {
                    k += 1;
                }
                if chars.get(k).is_some_and(char::is_ascii_digit) {
                    j = k;
                    while chars.get(j).is_some_and(char::is_ascii_digit) {
                        j += 1;
                    }
                }
            }
            starts.push(i);
            out.push(Tok::Num);
            i = j;
            continue;
        }
        if let Some(op) = OPERATORS.iter().find(|op| {
            let len = op.chars().count();
            chars.get(i..i + len).is_some_and(|w| w.iter().copied().eq(op.chars()))
        }) {
            // `..` directly before a digit is still a range; `.5` is not a JSONata number.
            starts.push(i);
            out.push(Tok::Op(op));
            i += op.chars().count();
            continue;
        }
        let is_name_char =
            |c: char| !c.is_whitespace() && !"()[]{}.,;:?+-*/%|=<>^&!~@#$\"'`".contains(c);
        if c == '$' {
            let mut j = i + 1;
            if chars.get(j) == Some(&'$') {
                starts.push(i);
                out.push(Tok::Var("$$".into()));
                i = j + 1;
                continue;
            }
            while chars.get(j).is_some_and(|&c| is_name_char(c)) {
                j += 1;
            }
            starts.push(i);
            out.push(Tok::Var(chars[i..j].iter().collect()));
            i = j;
            continue;
        }
        if is_name_char(c) {
            let mut j = i;
            while chars.get(j).is_some_and(|&c| is_name_char(c)) {
                j += 1;
            }
            starts.push(i);
            out.push(Tok::Name(chars[i..j].iter().collect()));
            i = j;
            continue;
        }
        return Err(format!("Unknown operator: \"{c}\""));
    }
    starts.push(i);
    out.push(Tok::End);
    // Character indexes to byte offsets.
    let bytes: Vec<usize> = s.char_indices().map(|(b, _)| b).chain([s.len()]).collect();
    let starts = starts.into_iter().map(|c| bytes.get(c).copied().unwrap_or(s.len())).collect();
    Ok((out, starts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_the_validator_relies_on() {
        // Syntax is the jsonata seam's; these pin the AWS-relevant verdicts the corpus measures.
        let table: &[(&str, bool)] = &[
            ("$states.input.n * 2", true),
            (
                "$not(null in $each($states.input.data.address, function($v) { $length($trim($v)) > 0 ? $v : null }))",
                true,
            ),
            (
                "($e := $x.email; $n := $x.first & ' ' & $x.last; $x.interests[category = 'home']{'customer': $n, 'total': $sum(v), category: {type: y}})",
                true,
            ),
            ("$match(\"a\", /abc/i)", true),
            ("a[1,2)", false),
            ("1 +", false),
            ("{\"a\":}", false),
            ("$x :=", false),
            ("$match(\"a\", /abc", false),
            ("phone %.other", false),
            ("", false),
            ("[1 \"zz\"]", false),
        ];
        for (body, ok) in table {
            assert_eq!(crate::jsonata::parse(body).is_ok(), *ok, "{body}");
        }
    }

    #[test]
    fn syntax_errors_carry_their_place_in_the_string() {
        let text = r#"{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $states.input.a ] + 1 %}", "End": true}}}"#;
        let doc = crate::asl::Document::parse(text).unwrap();
        let found = crate::validate::validate(&doc, &crate::validate::Options::default());
        let d = found
            .iter()
            .find(|d| d.code == Code::InvalidJsonataExpression)
            .unwrap_or_else(|| panic!("reported: {found:?}"));
        let string = "{% $states.input.a ] + 1 %}";
        let at = d.offset.expect("a place inside the string");
        assert_eq!(&string[at..at + 1], "]", "{d:?}");
        for (string, code, at) in [
            ("{% 'é' & $$.Execution.Id %}", Code::InvalidJsonataExpression, "$$"),
            ("{% /* é */ $states.errorOutput %}", Code::UnsupportedJsonataExpression, "$states"),
        ] {
            let text = format!(
                r#"{{"QueryLanguage": "JSONata", "StartAt": "A", "States": {{"A": {{"Type": "Pass", "Output": "{string}", "End": true}}}}}}"#
            );
            let doc = crate::asl::Document::parse(text).unwrap();
            let found = crate::validate::validate(&doc, &crate::validate::Options::default());
            let d = found
                .iter()
                .find(|d| d.code == code)
                .unwrap_or_else(|| panic!("reported: {found:?}"));
            let offset = d.offset.expect("a place inside the string");
            assert!(string[offset..].starts_with(at), "{string} at {offset}");
        }
        // Problems found elsewhere have no place inside a string.
        assert!(
            found
                .iter()
                .filter(|d| d.code != Code::InvalidJsonataExpression)
                .all(|d| d.offset.is_none())
        );
    }

    #[test]
    fn parser_messages_read_like_aws() {
        assert_eq!(
            plain_message("S0202: Expected RightBracket, got Comma."),
            "Expected \"]\", got \",\"."
        );
        assert_eq!(
            plain_message("S0211: The symbol RightBrace cannot be used as a unary operator"),
            "The symbol \"}\" cannot be used as a unary operator"
        );
        assert_eq!(plain_message("Unexpected end of expression"), "Unexpected end of expression");
    }

    #[test]
    fn finds_step_functions_variables() {
        let vars = |body: &str| -> Vec<String> {
            tokens_at(body)
                .unwrap()
                .0
                .into_iter()
                .filter_map(|t| if let Tok::Var(v) = t { Some(v) } else { None })
                .collect()
        };
        assert_eq!(vars("$$.Execution.Id & '$$' & /$$/"), ["$$"]);
        assert_eq!(vars("$states.errorOutput /* $x */ + $y"), ["$states", "$y"]);
        assert_eq!(vars("`$a` & \"$b\""), Vec::<String>::new());
    }
}
