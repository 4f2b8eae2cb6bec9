//! The starting points offered by File > New.

use crate::ipc::{CommandError, ErrorCode, Template};

struct Entry {
    id: &'static str,
    title: &'static str,
    description: &'static str,
    text: &'static str,
}

const ENTRIES: &[Entry] = &[
    Entry {
        id: "blank",
        title: "Blank workflow",
        description: "One step that passes its input through.",
        text: include_str!("../templates/blank.asl.json"),
    },
    Entry {
        id: "approval",
        title: "Approve or reject",
        description: "A task, a decision, and the two ways it can end.",
        text: include_str!("../templates/approval.asl.json"),
    },
    Entry {
        id: "fan-out",
        title: "Parallel and for-each",
        description: "Two branches at once, then a step for every item of a list.",
        text: include_str!("../templates/fan-out.asl.json"),
    },
];

/// Every template, in menu order.
pub fn list() -> Vec<Template> {
    ENTRIES
        .iter()
        .map(|e| Template {
            id: e.id.into(),
            title: e.title.into(),
            description: e.description.into(),
        })
        .collect()
}

/// The text of template `id`.
pub fn text(id: &str) -> Result<String, CommandError> {
    ENTRIES.iter().find(|e| e.id == id).map(|e| e.text.to_owned()).ok_or_else(|| CommandError {
        code: ErrorCode::UnknownTemplate,
        message: format!("There is no template called “{id}”."),
        path: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ipc::Analysis;

    #[test]
    fn every_template_parses_and_draws_its_states() {
        for t in list() {
            let text = text(&t.id).expect("listed template exists");
            let Analysis::Parsed { diagram, .. } =
                crate::analysis::analyze(&text, &Default::default())
            else {
                panic!("template {} is not JSON", t.id)
            };
            assert!(!diagram.nodes.is_empty(), "template {} draws nothing", t.id);
        }
        assert_eq!(text("nope").expect_err("unknown").code, ErrorCode::UnknownTemplate);
    }
}
