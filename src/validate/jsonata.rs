//! JSONata `{% %}` expressions in JSONata states: parsed when the definition is checked, as AWS
//! parses them when a state machine is created.
//!
//! Guarantees: every string of the form `{% ... %}` in a JSONata field, at any depth, is
//! checked for syntax (reported as INVALID_JSONATA_EXPRESSION at that string), for `$$` (not
//! available in Step Functions' JSONata) and for `$states.errorOutput` outside a Catch
//! (UNSUPPORTED_JSONATA_EXPRESSION). The syntax check is a small Pratt recogniser of JSONata's
//! grammar (no evaluation, no tree); it is the stand-in until the `jsonata` module's parser is
//! merged, and it never panics on any text.

use serde_json::Value;

use super::{Ctx, at, kind};
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
    let tokens = match tokenize(body) {
        Ok(t) => t,
        Err(e) => {
            report_syntax(&e, ptr, cx);
            return;
        }
    };
    let mut p = Parser { t: &tokens, i: 0 };
    let result = p.expression(0).and_then(|()| match p.peek() {
        Tok::End => Ok(()),
        t => Err(format!("Syntax error: {}", t.show())),
    });
    if let Err(e) = result {
        report_syntax(&e, ptr, cx);
        return;
    }
    for (i, t) in tokens.iter().enumerate() {
        if let Tok::Var(name) = t {
            if name == "$$" {
                cx.error(Code::InvalidJsonataExpression, ptr, "'$$' is not available in Step Functions JSONata expressions.")
                    .hint = Some("Use $states.input for the state's input and $states.context for the execution context.".into());
                return;
            }
            if name == "$states"
                && scope != Scope::Catch
                && matches!(tokens.get(i + 1), Some(Tok::Op(".")))
                && matches!(tokens.get(i + 2), Some(Tok::Name(n)) if n == "errorOutput")
            {
                cx.error(Code::UnsupportedJsonataExpression, ptr, "Field '$states.errorOutput' does not exist here.")
                    .hint = Some("$states.errorOutput (the error being handled) only exists in a Catch entry's Output and Assign.".into());
                return;
            }
        }
    }
}

fn report_syntax(e: &str, ptr: &str, cx: &mut Ctx<'_>) {
    cx.error(
        Code::InvalidJsonataExpression,
        ptr,
        format!("This JSONata expression cannot be read: {e}."),
    )
    .hint = Some("Check brackets, quotes and operators between {% and %}.".into());
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

impl Tok {
    fn show(&self) -> String {
        match self {
            Tok::Num => "a number".into(),
            Tok::Str => "a string".into(),
            Tok::Regex => "a regular expression".into(),
            Tok::Name(n) => format!("\"{n}\""),
            Tok::Var(v) => format!("\"{v}\""),
            Tok::Op(o) => format!("\"{o}\""),
            Tok::End => "the end of the expression".into(),
        }
    }
}

const OPERATORS: &[&str] = &[
    "..", ":=", "!=", "<=", ">=", "~>", "**", "??", "?:", ".", "[", "]", "{", "}", "(", ")", ",",
    "@", "#", ";", ":", "?", "+", "-", "*", "/", "%", "|", "=", "<", ">", "^", "&", "!", "~",
];

fn tokenize(s: &str) -> Result<Vec<Tok>, String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
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
            out.push(Tok::Str);
            i = j + 1;
            continue;
        }
        if c == '`' {
            let Some(len) = chars[i + 1..].iter().position(|&d| d == '`') else {
                return Err("Quoted property name must be terminated with a backquote (`)".into());
            };
            let name: String = chars[i + 1..i + 1 + len].iter().collect();
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
            out.push(Tok::Num);
            i = j;
            continue;
        }
        if let Some(op) = OPERATORS.iter().find(|op| {
            let len = op.chars().count();
            chars.get(i..i + len).is_some_and(|w| w.iter().copied().eq(op.chars()))
        }) {
            // `..` directly before a digit is still a range; `.5` is not a JSONata number.
            out.push(Tok::Op(op));
            i += op.chars().count();
            continue;
        }
        let is_name_char =
            |c: char| !c.is_whitespace() && !"()[]{}.,;:?+-*/%|=<>^&!~@#$\"'`".contains(c);
        if c == '$' {
            let mut j = i + 1;
            if chars.get(j) == Some(&'$') {
                out.push(Tok::Var("$$".into()));
                i = j + 1;
                continue;
            }
            while chars.get(j).is_some_and(|&c| is_name_char(c)) {
                j += 1;
            }
            out.push(Tok::Var(chars[i..j].iter().collect()));
            i = j;
            continue;
        }
        if is_name_char(c) {
            let mut j = i;
            while chars.get(j).is_some_and(|&c| is_name_char(c)) {
                j += 1;
            }
            out.push(Tok::Name(chars[i..j].iter().collect()));
            i = j;
            continue;
        }
        return Err(format!("Unknown operator: \"{c}\""));
    }
    out.push(Tok::End);
    Ok(out)
}

struct Parser<'t> {
    t: &'t [Tok],
    i: usize,
}

/// Left binding powers, as in JSONata's own parser.
fn lbp(t: &Tok) -> u8 {
    match t {
        Tok::Op(o) => match *o {
            "." => 75,
            "[" | "(" | "@" | "#" => 80,
            "{" => 70,
            "?" | "|" | "..?" => 20,
            ".." => 20,
            "+" | "-" | "&" => 50,
            "*" | "/" | "%" | "**" => 60,
            "=" | "<" | ">" | "^" | "!=" | "<=" | ">=" | "~>" => 40,
            ":=" => 10,
            "??" | "?:" => 15,
            _ => 0,
        },
        Tok::Name(n) => match n.as_str() {
            "and" => 30,
            "or" => 25,
            "in" => 40,
            _ => 0,
        },
        _ => 0,
    }
}

type Parse = Result<(), String>;

impl Parser<'_> {
    fn peek(&self) -> &Tok {
        self.t.get(self.i).unwrap_or(&Tok::End)
    }

    fn next(&mut self) -> Tok {
        let t = self.peek().clone();
        if self.i < self.t.len() {
            self.i += 1;
        }
        t
    }

    fn expect(&mut self, op: &'static str) -> Parse {
        match self.peek() {
            Tok::Op(o) if *o == op => {
                self.i += 1;
                Ok(())
            }
            Tok::End => Err(format!("Expected \"{op}\" before end of expression")),
            t => Err(format!("Expected \"{op}\", got {}", t.show())),
        }
    }

    fn at_op(&self, op: &str) -> bool {
        matches!(self.peek(), Tok::Op(o) if *o == op)
    }

    fn expression(&mut self, rbp: u8) -> Parse {
        self.prefix()?;
        while rbp < lbp(self.peek()) {
            self.infix()?;
        }
        Ok(())
    }

    /// A comma-separated list of expressions up to `close` (which may come at once).
    fn list(&mut self, close: &'static str) -> Parse {
        if self.at_op(close) {
            self.i += 1;
            return Ok(());
        }
        loop {
            if close == ")" && self.at_op("?") {
                self.i += 1; // partial application placeholder
            } else {
                self.expression(0)?;
            }
            if self.at_op(",") {
                self.i += 1;
                continue;
            }
            return self.expect(close);
        }
    }

    fn pairs(&mut self) -> Parse {
        if self.at_op("}") {
            self.i += 1;
            return Ok(());
        }
        loop {
            self.expression(0)?;
            self.expect(":")?;
            self.expression(0)?;
            if self.at_op(",") {
                self.i += 1;
                continue;
            }
            return self.expect("}");
        }
    }

    fn prefix(&mut self) -> Parse {
        match self.next() {
            Tok::Num | Tok::Str | Tok::Regex | Tok::Var(_) => Ok(()),
            Tok::Name(n) if (n == "function" || n == "λ") && self.at_op("(") => {
                self.i += 1;
                if !self.at_op(")") {
                    loop {
                        match self.next() {
                            Tok::Var(_) => {}
                            t => {
                                return Err(format!(
                                    "Expected a parameter like $x, got {}",
                                    t.show()
                                ));
                            }
                        }
                        if self.at_op(",") {
                            self.i += 1;
                        } else {
                            break;
                        }
                    }
                }
                self.expect(")")?;
                if self.at_op("<") {
                    // Function signature: skip to the matching '>'.
                    let mut depth = 0;
                    loop {
                        match self.next() {
                            Tok::Op("<") => depth += 1,
                            Tok::Op(">") => {
                                depth -= 1;
                                if depth == 0 {
                                    break;
                                }
                            }
                            Tok::End => {
                                return Err("Function signature is not closed by '>'".into());
                            }
                            _ => {}
                        }
                    }
                }
                self.expect("{")?;
                self.expression(0)?;
                self.expect("}")
            }
            Tok::Name(_) => Ok(()),
            Tok::Op("-") => self.expression(70),
            Tok::Op("*" | "**" | "%") => Ok(()),
            Tok::Op("(") => {
                if self.at_op(")") {
                    self.i += 1;
                    return Ok(());
                }
                loop {
                    self.expression(0)?;
                    if self.at_op(";") {
                        self.i += 1;
                        if self.at_op(")") {
                            self.i += 1;
                            return Ok(());
                        }
                        continue;
                    }
                    return self.expect(")");
                }
            }
            Tok::Op("[") => self.list("]"),
            Tok::Op("{") => self.pairs(),
            Tok::Op(o) => Err(format!("The symbol \"{o}\" cannot be used as a unary operator")),
            Tok::End => Err("Unexpected end of expression".into()),
        }
    }

    fn infix(&mut self) -> Parse {
        let t = self.next();
        match t {
            Tok::Op("[") => {
                if self.at_op("]") {
                    self.i += 1;
                    return Ok(());
                }
                self.expression(0)?;
                self.expect("]")
            }
            Tok::Op("(") => self.list(")"),
            Tok::Op("{") => self.pairs(),
            Tok::Op("?") => {
                self.expression(0)?;
                if self.at_op(":") {
                    self.i += 1;
                    self.expression(0)?;
                }
                Ok(())
            }
            Tok::Op("^") => {
                self.expect("(")?;
                loop {
                    if self.at_op("<") || self.at_op(">") {
                        self.i += 1;
                    }
                    self.expression(0)?;
                    if self.at_op(",") {
                        self.i += 1;
                        continue;
                    }
                    return self.expect(")");
                }
            }
            Tok::Op("@" | "#") => match self.next() {
                Tok::Var(_) => Ok(()),
                t => {
                    Err(format!("Expected a variable after the binding operator, got {}", t.show()))
                }
            },
            Tok::Op(":=") => self.expression(9),
            other => self.expression(lbp(&other)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parses(body: &str) -> bool {
        let Ok(tokens) = tokenize(body) else { return false };
        let mut p = Parser { t: &tokens, i: 0 };
        p.expression(0).is_ok() && p.peek() == &Tok::End
    }

    #[test]
    fn jsonata_syntax() {
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
            ("$exists($states.input.moreData) ? $states.input.moreData : {}", true),
            ("$states.input.str_value = \"string literal\"", true),
            ("$match(\"a\", /abc/i)", true),
            ("[1..5]", true),
            ("$sort(x, function($l, $r) { $l > $r })", true),
            ("a ~> $uppercase()", true),
            ("Account.Order^(>Price).Product", true),
            ("a[1,2)", false),
            ("1 +", false),
            ("{\"a\":}", false),
            ("$x :=", false),
            ("$match(\"a\", /abc", false),
            ("phone %.other", false),
            ("", false),
            ("[1 \"zz\"]", false),
            ("420.", false),
            ("$.store.book[?(@.price < 10)].title", false),
        ];
        for (body, ok) in table {
            assert_eq!(parses(body), *ok, "{body}");
        }
    }
}
