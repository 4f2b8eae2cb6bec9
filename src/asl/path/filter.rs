//! Filter expressions (`[?(@.price < 10 && @.tag)]`) with Jayway's comparison rules: numbers and
//! numeric strings compare as numbers for `==`, ordering needs two numbers or two strings, a
//! missing operand makes every comparison false except `!=` and `nin`. Jayway's word operators
//! (`in`, `nin`, `contains`, `size`, `empty`, `subsetof`, `anyof`, `noneof`) are supported;
//! regular expressions (`=~`) are not, and are a syntax error.

use serde_json::Value;

use super::eval::walk_all;
use super::parse::{Cursor, MAX_DEPTH, integer, parse_segments, quoted};
use super::{Segment, SyntaxError};
use crate::asl::scope::Scope;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Operand {
    /// `@...` (relative to the current item) or `$...` (the root input).
    Path {
        relative: bool,
        segments: Vec<Segment>,
    },
    Literal(Value),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    Nin,
    Contains,
    Size,
    Empty,
    SubsetOf,
    AnyOf,
    NoneOf,
}

/// The word operators, each followed by a blank.
const WORD_OPS: [(&str, Op); 8] = [
    ("nin", Op::Nin),
    ("in", Op::In),
    ("contains", Op::Contains),
    ("size", Op::Size),
    ("empty", Op::Empty),
    ("subsetof", Op::SubsetOf),
    ("anyof", Op::AnyOf),
    ("noneof", Op::NoneOf),
];

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    Or(Box<Expr>, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    /// A lone operand: true when the path exists (or the literal is `true`).
    Exists(Operand),
    Compare(Operand, Op, Operand),
}

pub(super) fn parse_expr(cur: &mut Cursor<'_>) -> Result<Expr, SyntaxError> {
    if cur.depth >= MAX_DEPTH {
        return Err(cur.error("filter expressions are nested too deeply"));
    }
    cur.depth += 1;
    let expr = parse_or(cur);
    cur.depth -= 1;
    expr
}

fn parse_or(cur: &mut Cursor<'_>) -> Result<Expr, SyntaxError> {
    let mut left = parse_and(cur)?;
    loop {
        cur.skip_ws();
        if cur.eat_str("||") {
            let right = parse_and(cur)?;
            left = Expr::Or(Box::new(left), Box::new(right));
        } else {
            return Ok(left);
        }
    }
}

fn parse_and(cur: &mut Cursor<'_>) -> Result<Expr, SyntaxError> {
    let mut left = parse_unary(cur)?;
    loop {
        cur.skip_ws();
        if cur.eat_str("&&") {
            let right = parse_unary(cur)?;
            left = Expr::And(Box::new(left), Box::new(right));
        } else {
            return Ok(left);
        }
    }
}

fn parse_unary(cur: &mut Cursor<'_>) -> Result<Expr, SyntaxError> {
    cur.skip_ws();
    if cur.peek() == Some('!') && cur.peek_at(1) != Some('=') {
        cur.bump();
        if cur.depth >= MAX_DEPTH {
            return Err(cur.error("filter expressions are nested too deeply"));
        }
        cur.depth += 1;
        let inner = parse_unary(cur);
        cur.depth -= 1;
        return Ok(Expr::Not(Box::new(inner?)));
    }
    if cur.eat('(') {
        let inner = parse_expr(cur)?;
        cur.skip_ws();
        if !cur.eat(')') {
            return Err(cur.error("expected ')'"));
        }
        return Ok(inner);
    }
    let left = parse_operand(cur)?;
    cur.skip_ws();
    let op = if cur.eat_str("==") {
        Op::Eq
    } else if cur.eat_str("!=") {
        Op::Ne
    } else if cur.eat_str("<=") {
        Op::Le
    } else if cur.eat_str(">=") {
        Op::Ge
    } else if cur.eat('<') {
        Op::Lt
    } else if cur.eat('>') {
        Op::Gt
    } else if let Some(op) = word_op(cur) {
        op
    } else if cur.peek() == Some('=') {
        return Err(cur.error("unsupported filter operator"));
    } else {
        return Ok(Expr::Exists(left));
    };
    let right = parse_operand(cur)?;
    Ok(Expr::Compare(left, op, right))
}

fn word_op(cur: &mut Cursor<'_>) -> Option<Op> {
    let rest = &cur.text[cur.pos..];
    let (word, op) = WORD_OPS.iter().find(|(w, _)| {
        rest.starts_with(w) && rest[w.len()..].starts_with(|c: char| c.is_whitespace())
    })?;
    cur.pos += word.len();
    Some(*op)
}

fn parse_operand(cur: &mut Cursor<'_>) -> Result<Operand, SyntaxError> {
    cur.skip_ws();
    match cur.peek() {
        Some(c @ ('@' | '$')) => {
            cur.bump();
            let (segments, function) = parse_segments(cur, true)?;
            if function.is_some() {
                return Err(cur.error("path functions are not supported inside filters"));
            }
            Ok(Operand::Path { relative: c == '@', segments })
        }
        Some('\'' | '"') => Ok(Operand::Literal(Value::String(quoted(cur)?))),
        Some('[') => {
            cur.bump();
            let mut items = Vec::new();
            loop {
                cur.skip_ws();
                if cur.eat(']') {
                    break;
                }
                match parse_operand(cur)? {
                    Operand::Literal(v) => items.push(v),
                    Operand::Path { .. } => return Err(cur.error("expected a literal")),
                }
                cur.skip_ws();
                if !cur.eat(',') {
                    cur.skip_ws();
                    if !cur.eat(']') {
                        return Err(cur.error("expected ',' or ']'"));
                    }
                    break;
                }
            }
            Ok(Operand::Literal(Value::Array(items)))
        }
        Some(c) if c == '-' || c.is_ascii_digit() => {
            let start = cur.pos;
            integer(cur)?;
            if cur.eat('.') {
                while cur.peek().is_some_and(|c| c.is_ascii_digit()) {
                    cur.bump();
                }
            }
            if matches!(cur.peek(), Some('e' | 'E')) {
                cur.bump();
                if !cur.eat('-') {
                    cur.eat('+');
                }
                while cur.peek().is_some_and(|c| c.is_ascii_digit()) {
                    cur.bump();
                }
            }
            serde_json::from_str(&cur.text[start..cur.pos])
                .map(Operand::Literal)
                .map_err(|_| SyntaxError { message: "invalid number".into(), offset: start })
        }
        _ => {
            for (word, value) in
                [("true", Value::Bool(true)), ("false", Value::Bool(false)), ("null", Value::Null)]
            {
                if cur.eat_str(word) {
                    return Ok(Operand::Literal(value));
                }
            }
            Err(cur.error("expected '@', '$', a string, a number, true, false or null"))
        }
    }
}

enum Resolved<'v> {
    Missing,
    One(&'v Value),
    Owned(Value),
}

impl Resolved<'_> {
    fn get(&self) -> Option<&Value> {
        match self {
            Resolved::Missing => None,
            Resolved::One(v) => Some(v),
            Resolved::Owned(v) => Some(v),
        }
    }
}

fn resolve<'v>(operand: &'v Operand, item: &'v Value, scope: &Scope<'v>) -> Resolved<'v> {
    match operand {
        Operand::Literal(v) => Resolved::One(v),
        Operand::Path { relative, segments } => {
            let start = if *relative { item } else { scope.input };
            let definite = segments.iter().all(|s| {
                matches!(s, Segment::Child(super::Selector::Name(_) | super::Selector::Index(_)))
            });
            let mut found = Vec::new();
            walk_all(start, segments, scope, &mut found);
            if definite {
                found.first().map_or(Resolved::Missing, |v| Resolved::One(v))
            } else {
                Resolved::Owned(Value::Array(found.into_iter().cloned().collect()))
            }
        }
    }
}

pub(super) fn matches(expr: &Expr, item: &Value, scope: &Scope<'_>) -> bool {
    match expr {
        Expr::Or(a, b) => matches(a, item, scope) || matches(b, item, scope),
        Expr::And(a, b) => matches(a, item, scope) && matches(b, item, scope),
        Expr::Not(a) => !matches(a, item, scope),
        Expr::Exists(op) => match op {
            Operand::Literal(v) => v == &Value::Bool(true),
            Operand::Path { .. } => match resolve(op, item, scope).get() {
                None => false,
                Some(Value::Array(a)) if !is_definite(op) => !a.is_empty(),
                Some(_) => true,
            },
        },
        Expr::Compare(l, op, r) => {
            let (l, r) = (resolve(l, item, scope), resolve(r, item, scope));
            match (l.get(), r.get()) {
                (Some(l), Some(r)) => compare(l, *op, r),
                _ => matches!(op, Op::Ne | Op::Nin),
            }
        }
    }
}

fn is_definite(op: &Operand) -> bool {
    match op {
        Operand::Literal(_) => true,
        Operand::Path { segments, .. } => segments.iter().all(|s| {
            matches!(s, Segment::Child(super::Selector::Name(_) | super::Selector::Index(_)))
        }),
    }
}

fn as_number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn equal(l: &Value, r: &Value) -> bool {
    match (l, r) {
        (Value::Number(_), Value::String(_)) | (Value::String(_), Value::Number(_)) => {
            matches!((as_number(l), as_number(r)), (Some(a), Some(b)) if a == b)
        }
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        _ => l == r,
    }
}

fn compare(l: &Value, op: Op, r: &Value) -> bool {
    use std::cmp::Ordering;
    let ordering = || -> Option<Ordering> {
        match (l, r) {
            (Value::String(a), Value::String(b)) => Some(a.cmp(b)),
            _ => as_number(l)?.partial_cmp(&as_number(r)?),
        }
    };
    match op {
        Op::Eq => equal(l, r),
        Op::Ne => !equal(l, r),
        Op::Lt => ordering() == Some(Ordering::Less),
        Op::Le => matches!(ordering(), Some(Ordering::Less | Ordering::Equal)),
        Op::Gt => ordering() == Some(Ordering::Greater),
        Op::Ge => matches!(ordering(), Some(Ordering::Greater | Ordering::Equal)),
        Op::In => r.as_array().is_some_and(|a| a.iter().any(|x| equal(l, x))),
        Op::Nin => !r.as_array().is_some_and(|a| a.iter().any(|x| equal(l, x))),
        Op::Contains => match (l, r) {
            (Value::String(a), Value::String(b)) => a.contains(b.as_str()),
            (Value::Array(a), _) => a.iter().any(|x| equal(x, r)),
            _ => false,
        },
        Op::Size => {
            let size = match l {
                Value::Array(a) => a.len(),
                Value::String(s) => s.chars().count(),
                _ => return false,
            };
            r.as_u64().is_some_and(|n| usize::try_from(n).is_ok_and(|n| n == size))
        }
        Op::Empty => {
            let empty = match l {
                Value::Array(a) => a.is_empty(),
                Value::String(s) => s.is_empty(),
                _ => return false,
            };
            r.as_bool() == Some(empty)
        }
        Op::SubsetOf | Op::AnyOf | Op::NoneOf => {
            let (Value::Array(a), Value::Array(b)) = (l, r) else {
                return false;
            };
            let in_b = |x: &Value| b.iter().any(|y| equal(x, y));
            match op {
                Op::SubsetOf => a.iter().all(in_b),
                Op::AnyOf => a.iter().any(in_b),
                _ => !a.iter().any(in_b),
            }
        }
    }
}
