//! Turns one version of the text into what the UI draws: the diagram and the problem list, or
//! the place where the JSON breaks.

use std::collections::BTreeMap;

use statewright::asl::{Document, Position};
use statewright::layout::{self, Direction, Layout};
use statewright::validate::{self, Options};

use crate::ipc::{
    Analysis, Diagram, DiagramEdge, DiagramNode, Pin, Problem, ProblemSeverity, TextError,
    TextPlace, TextSpan,
};

/// Parses, lays out (leaving pinned states where they were put) and validates `text`.
pub fn analyze(text: &str, pins: &BTreeMap<String, Pin>) -> Analysis {
    let doc = match Document::parse(text) {
        Ok(doc) => doc,
        Err(failure) => {
            return Analysis::NotJson {
                error: TextError {
                    message: failure.message,
                    line: clamp(failure.position.line),
                    column: clamp(failure.position.column),
                },
            };
        }
    };
    let layout = lay_out(&doc, pins);
    let diagram = diagram(&doc, &layout);
    let problems = validate::validate(&doc, &Options::default())
        .into_iter()
        .map(|d| {
            let at = d.pointer.as_deref().and_then(|p| doc.key_span(p)).map(|s| place(s.start));
            let node = d.pointer.as_deref().and_then(|p| enclosing_node(&diagram, p));
            let span = d.pointer.as_deref().and_then(|p| exact_span(&doc, p, d.offset));
            Problem {
                code: serde_json::to_value(d.code)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                severity: match d.severity {
                    statewright::diagnostic::Severity::Error => ProblemSeverity::Error,
                    statewright::diagnostic::Severity::Warning => ProblemSeverity::Warning,
                },
                message: d.message,
                hint: d.hint,
                pointer: d.pointer,
                node,
                at,
                span,
            }
        })
        .collect();
    Analysis::Parsed { diagram, problems }
}

/// The core's layered layout, flowing down.
fn lay_out(doc: &Document, pins: &BTreeMap<String, Pin>) -> Layout {
    let options =
        layout::Options { direction: Direction::Down, pins: crate::sidecar::to_core(pins) };
    layout::layout_definition(doc.value(), &options)
}

/// An edge's caption in plain words: what the layout says, with AWS's error names explained.
fn caption(kind: &str, label: Option<&str>) -> Option<String> {
    match (kind, label) {
        ("catch", Some("States.ALL")) | ("catch", None) => Some("On any error".to_owned()),
        ("catch", Some(errors)) => Some(format!("On error: {errors}")),
        ("default", None) => Some("Otherwise".to_owned()),
        (_, label) => label.map(str::to_owned),
    }
}

fn diagram(doc: &Document, layout: &Layout) -> Diagram {
    Diagram {
        width: layout.width,
        height: layout.height,
        nodes: layout
            .nodes
            .iter()
            .map(|n| DiagramNode {
                id: n.id.clone(),
                name: if n.kind == "ItemProcessor" {
                    "For each item".to_owned()
                } else {
                    n.name.clone()
                },
                kind: n.kind.clone(),
                x: n.x,
                y: n.y,
                width: n.width,
                height: n.height,
                parent: n.parent.clone(),
                at: doc.key_span(&n.id).map(|s| place(s.start)),
            })
            .collect(),
        edges: layout
            .edges
            .iter()
            .enumerate()
            .map(|(i, e)| DiagramEdge {
                id: format!("{i}:{}->{}", e.from, e.to),
                from: e.from.clone(),
                to: e.to.clone(),
                kind: e.kind.clone(),
                label: caption(&e.kind, e.label.as_deref()),
                points: e.points.clone(),
                label_at: e.label_at,
                source: e.source.clone(),
            })
            .collect(),
    }
}

/// The deepest diagram node whose pointer is `pointer` or one of its ancestors.
fn enclosing_node(diagram: &Diagram, pointer: &str) -> Option<String> {
    diagram
        .nodes
        .iter()
        .filter(|n| {
            pointer == n.id
                || (pointer.starts_with(n.id.as_str())
                    && pointer.as_bytes().get(n.id.len()) == Some(&b'/'))
        })
        .max_by_key(|n| n.id.len())
        .map(|n| n.id.clone())
}

/// The text to mark for a problem at `pointer`: one character inside its string when the
/// validator knows the place there (`offset`), else the key naming it, else its value when that
/// is on one line (the first character of a longer one).
fn exact_span(doc: &Document, pointer: &str, offset: Option<usize>) -> Option<TextSpan> {
    let one_char = |p: Position| {
        let len = doc.text()[p.offset..].chars().next().map_or(0, char::len_utf8);
        TextSpan { start: place(p), end: place(doc.position(p.offset + len)) }
    };
    if let Some(at) = offset.and_then(|o| doc.position_in_string(pointer, o)) {
        return Some(one_char(at));
    }
    let s = doc.key_span(pointer)?;
    if s.start.line == s.end.line {
        Some(TextSpan { start: place(s.start), end: place(s.end) })
    } else {
        Some(one_char(s.start))
    }
}

fn place(p: Position) -> TextPlace {
    TextPlace { line: clamp(p.line), column: clamp(p.column) }
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"StartAt\": \"Pay\",\n  \"States\": {\n    \"Pay\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:lambda:us-east-1:1:function:pay\", \"Next\": \"Done\"},\n    \"Done\": {\"Type\": \"Succeed\"}\n  }\n}\n";

    #[test]
    fn json_text_gives_a_diagram_with_places() {
        let Analysis::Parsed { diagram, .. } = analyze(TEXT, &BTreeMap::new()) else {
            panic!("should parse")
        };
        let pay = diagram.nodes.iter().find(|n| n.name == "Pay").expect("Pay drawn");
        assert_eq!(pay.kind, "Task");
        assert_eq!(pay.at, Some(TextPlace { line: 4, column: 5 }));
        assert_eq!(diagram.edges.len(), 1);
        assert_eq!(diagram.edges[0].from, "/States/Pay");
        assert_eq!(diagram.edges[0].to, "/States/Done");
        let Analysis::Parsed { diagram, .. } = analyze(
            r#"{"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}"#,
            &BTreeMap::new(),
        ) else {
            panic!("should parse")
        };
        let processor = diagram.nodes.iter().find(|n| n.kind == "ItemProcessor").expect("drawn");
        assert_eq!(processor.name, "For each item");
    }

    #[test]
    fn edges_say_where_they_are_written_and_pins_hold_states() {
        let Analysis::Parsed { diagram, .. } = analyze(TEXT, &BTreeMap::new()) else { panic!() };
        assert_eq!(diagram.edges[0].source, "/States/Pay/Next");
        let pins = BTreeMap::from([("/States/Done".to_owned(), Pin { x: 500.0, y: 30.0 })]);
        let Analysis::Parsed { diagram, .. } = analyze(TEXT, &pins) else { panic!() };
        let done = diagram.nodes.iter().find(|n| n.name == "Done").expect("drawn");
        assert_eq!((done.x, done.y), (500.0, 30.0));
    }

    #[test]
    fn captions_are_plain_words() {
        assert_eq!(caption("catch", Some("States.ALL")).as_deref(), Some("On any error"));
        assert_eq!(
            caption("catch", Some("Timeout, Busy")).as_deref(),
            Some("On error: Timeout, Busy")
        );
        assert_eq!(caption("default", None).as_deref(), Some("Otherwise"));
        assert_eq!(caption("choice", Some("$.x > 1")).as_deref(), Some("$.x > 1"));
        assert_eq!(caption("next", None), None);
    }

    #[test]
    fn validator_problems_point_at_the_state_and_its_text() {
        let text = "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\", \"Next\": \"Nowhere\"}\n  }\n}\n";
        let Analysis::Parsed { problems, .. } = analyze(text, &BTreeMap::new()) else {
            panic!("should parse")
        };
        let missing = problems
            .iter()
            .find(|p| p.code == "MISSING_TRANSITION_TARGET")
            .unwrap_or_else(|| panic!("reported: {problems:?}"));
        assert_eq!(missing.node.as_deref(), Some("/States/A"));
        assert_eq!(missing.severity, ProblemSeverity::Error);
        assert_eq!(missing.at.map(|a| a.line), Some(4));
    }

    #[test]
    fn a_jsonata_syntax_error_is_marked_where_it_breaks() {
        // Line 4 starts with an emoji state name: columns count characters, not bytes.
        let text = "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"😀\",\n  \"States\": {\n    \"😀\": {\"Type\": \"Pass\", \"End\": true,\n\"Output\": \"{% $states.input.a \\\"x\\\" ] %}\"}}}";
        let Analysis::Parsed { problems, .. } = analyze(text, &BTreeMap::new()) else {
            panic!("should parse")
        };
        let p = problems
            .iter()
            .find(|p| p.code == "INVALID_JSONATA_EXPRESSION")
            .unwrap_or_else(|| panic!("reported: {problems:?}"));
        let span = p.span.expect("an exact place");
        let line = text.lines().nth(span.start.line as usize - 1).unwrap();
        let marked: String = line
            .chars()
            .skip(span.start.column as usize - 1)
            .take((span.end.column - span.start.column) as usize)
            .collect();
        assert_eq!(span.start.line, 4);
        assert!(marked == "\\" || marked == "\"" || marked == "]", "marked {marked:?} in {line}");
        // A problem without a place inside a string marks its key.
        let text = "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"Nowhere\"}}}";
        let Analysis::Parsed { problems, .. } = analyze(text, &BTreeMap::new()) else {
            panic!("should parse")
        };
        let p = problems.iter().find(|p| p.code == "MISSING_TRANSITION_TARGET").unwrap();
        let s = p.span.unwrap();
        let marked: String = text
            .chars()
            .skip(s.start.column as usize - 1)
            .take((s.end.column - s.start.column) as usize)
            .collect();
        assert_eq!(marked, "\"Next\"");
    }

    #[test]
    fn broken_json_reports_where() {
        let Analysis::NotJson { error } =
            analyze("{\n  \"StartAt\": \"Pay\",\n  \"States\": {\n}", &BTreeMap::new())
        else {
            panic!("should not parse")
        };
        assert_eq!(error.line, 4);
        assert!(!error.message.is_empty());
    }

    #[test]
    fn problems_are_pinned_to_the_deepest_state() {
        let d = Diagram {
            width: 0.0,
            height: 0.0,
            nodes: [
                "/States/Fan",
                "/States/Fan/Branches/0",
                "/States/Fan/Branches/0/States/A",
                "/States/Fa",
            ]
            .iter()
            .map(|id| DiagramNode {
                id: (*id).into(),
                name: String::new(),
                kind: String::new(),
                x: 0.0,
                y: 0.0,
                width: 0.0,
                height: 0.0,
                parent: None,
                at: None,
            })
            .collect(),
            edges: Vec::new(),
        };
        assert_eq!(
            enclosing_node(&d, "/States/Fan/Branches/0/States/A/Next").as_deref(),
            Some("/States/Fan/Branches/0/States/A")
        );
        assert_eq!(enclosing_node(&d, "/States/Fan/Type").as_deref(), Some("/States/Fan"));
        assert_eq!(enclosing_node(&d, "/StartAt"), None);
    }
}
