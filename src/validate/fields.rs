//! Which field may appear on which state type, under which query language.
//!
//! Guarantees: one table, taken from the ASL specification and AWS's JSONPath/JSONata field
//! lists, answers every "is this field allowed here?" question; an unknown field, a field of
//! another state type, and a field of the other query language each get their own message
//! (AWS rejects all three), located at the state object as AWS locates them.

use super::Ql;

/// The eight state types, as bits so a table row can name several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StateType {
    Task,
    Pass,
    Choice,
    Wait,
    Succeed,
    Fail,
    Parallel,
    Map,
}

impl StateType {
    pub(crate) fn parse(s: &str) -> Option<StateType> {
        Some(match s {
            "Task" => StateType::Task,
            "Pass" => StateType::Pass,
            "Choice" => StateType::Choice,
            "Wait" => StateType::Wait,
            "Succeed" => StateType::Succeed,
            "Fail" => StateType::Fail,
            "Parallel" => StateType::Parallel,
            "Map" => StateType::Map,
            _ => return None,
        })
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            StateType::Task => "Task",
            StateType::Pass => "Pass",
            StateType::Choice => "Choice",
            StateType::Wait => "Wait",
            StateType::Succeed => "Succeed",
            StateType::Fail => "Fail",
            StateType::Parallel => "Parallel",
            StateType::Map => "Map",
        }
    }

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

const TASK: u8 = StateType::Task.bit();
const PASS: u8 = StateType::Pass.bit();
const CHOICE: u8 = StateType::Choice.bit();
const WAIT: u8 = StateType::Wait.bit();
const SUCCEED: u8 = StateType::Succeed.bit();
const FAIL: u8 = StateType::Fail.bit();
const PARALLEL: u8 = StateType::Parallel.bit();
const MAP: u8 = StateType::Map.bit();
const ALL: u8 = 0xff;
const FLOWING: u8 = TASK | PASS | WAIT | PARALLEL | MAP;

/// Which query language a field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Both,
    JsonPath,
    Jsonata,
}

/// Every field of every state type (the names [`row`] knows), for spelling suggestions.
const FIELDS: [&str; 48] = [
    "Type",
    "Comment",
    "QueryLanguage",
    "Next",
    "End",
    "Assign",
    "InputPath",
    "OutputPath",
    "Output",
    "Parameters",
    "Arguments",
    "ResultPath",
    "ResultSelector",
    "Result",
    "Retry",
    "Catch",
    "Resource",
    "Credentials",
    "TimeoutSeconds",
    "HeartbeatSeconds",
    "TimeoutSecondsPath",
    "HeartbeatSecondsPath",
    "Choices",
    "Default",
    "Seconds",
    "Timestamp",
    "SecondsPath",
    "TimestampPath",
    "Error",
    "Cause",
    "ErrorPath",
    "CausePath",
    "Branches",
    "ItemProcessor",
    "Iterator",
    "ItemReader",
    "ItemSelector",
    "ItemBatcher",
    "ResultWriter",
    "MaxConcurrency",
    "ToleratedFailurePercentage",
    "ToleratedFailureCount",
    "Label",
    "Items",
    "ItemsPath",
    "MaxConcurrencyPath",
    "ToleratedFailurePercentagePath",
    "ToleratedFailureCountPath",
];

/// The field allowed on this state that `field` most likely misspells.
fn nearest(ty: StateType, ql: Ql, field: &str) -> Option<&'static str> {
    FIELDS
        .iter()
        .filter(|name| refusal(ty, ql, name).is_none())
        .map(|name| {
            (
                super::machine::edit_distance(
                    &field.to_ascii_lowercase(),
                    &name.to_ascii_lowercase(),
                ),
                *name,
            )
        })
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

/// The state types a field belongs to and its query language; `None` for an unknown field.
/// (A `match` on the name: the compiler turns it into a few length and byte comparisons.)
fn row(field: &str) -> Option<(u8, Lang)> {
    Some(match field {
        "Type" => (ALL, Lang::Both),
        "Comment" => (ALL, Lang::Both),
        "QueryLanguage" => (ALL, Lang::Both),
        "Next" => (FLOWING, Lang::Both),
        "End" => (FLOWING, Lang::Both),
        "Assign" => (ALL & !SUCCEED & !FAIL, Lang::Both),
        "InputPath" => (ALL & !FAIL, Lang::JsonPath),
        "OutputPath" => (ALL & !FAIL, Lang::JsonPath),
        "Output" => (ALL & !FAIL, Lang::Jsonata),
        "Parameters" => (TASK | PASS | PARALLEL | MAP, Lang::JsonPath),
        "Arguments" => (TASK | PARALLEL, Lang::Jsonata),
        "ResultPath" => (TASK | PASS | PARALLEL | MAP, Lang::JsonPath),
        "ResultSelector" => (TASK | PARALLEL | MAP, Lang::JsonPath),
        "Result" => (PASS, Lang::JsonPath),
        "Retry" => (TASK | PARALLEL | MAP, Lang::Both),
        "Catch" => (TASK | PARALLEL | MAP, Lang::Both),
        "Resource" => (TASK, Lang::Both),
        "Credentials" => (TASK, Lang::Both),
        "TimeoutSeconds" => (TASK, Lang::Both),
        "HeartbeatSeconds" => (TASK, Lang::Both),
        "TimeoutSecondsPath" => (TASK, Lang::JsonPath),
        "HeartbeatSecondsPath" => (TASK, Lang::JsonPath),
        "Choices" => (CHOICE, Lang::Both),
        "Default" => (CHOICE, Lang::Both),
        "Seconds" => (WAIT, Lang::Both),
        "Timestamp" => (WAIT, Lang::Both),
        "SecondsPath" => (WAIT, Lang::JsonPath),
        "TimestampPath" => (WAIT, Lang::JsonPath),
        "Error" => (FAIL, Lang::Both),
        "Cause" => (FAIL, Lang::Both),
        "ErrorPath" => (FAIL, Lang::JsonPath),
        "CausePath" => (FAIL, Lang::JsonPath),
        "Branches" => (PARALLEL, Lang::Both),
        "ItemProcessor" => (MAP, Lang::Both),
        "Iterator" => (MAP, Lang::Both),
        "ItemReader" => (MAP, Lang::Both),
        "ItemSelector" => (MAP, Lang::Both),
        "ItemBatcher" => (MAP, Lang::Both),
        "ResultWriter" => (MAP, Lang::Both),
        "MaxConcurrency" => (MAP, Lang::Both),
        "ToleratedFailurePercentage" => (MAP, Lang::Both),
        "ToleratedFailureCount" => (MAP, Lang::Both),
        "Label" => (MAP, Lang::Both),
        "Items" => (MAP, Lang::Jsonata),
        "ItemsPath" => (MAP, Lang::JsonPath),
        "MaxConcurrencyPath" => (MAP, Lang::JsonPath),
        "ToleratedFailurePercentagePath" => (MAP, Lang::JsonPath),
        "ToleratedFailureCountPath" => (MAP, Lang::JsonPath),
        _ => return None,
    })
}

/// Why a field may not be on a state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// No state type has this field.
    Unknown,
    /// Other state types have it, this one does not.
    WrongType,
    /// The field belongs to the other query language.
    WrongLanguage,
}

/// `None` when `field` is allowed on a `ty` state written in `ql`.
pub(crate) fn refusal(ty: StateType, ql: Ql, field: &str) -> Option<Refusal> {
    let Some((types, lang)) = row(field) else {
        return Some(Refusal::Unknown);
    };
    if types & ty.bit() == 0 {
        return Some(Refusal::WrongType);
    }
    match (lang, ql) {
        (Lang::JsonPath, Ql::Jsonata) | (Lang::Jsonata, Ql::JsonPath) => {
            Some(Refusal::WrongLanguage)
        }
        _ => None,
    }
}

/// The message and hint for a refused field.
pub(crate) fn explain(ty: StateType, ql: Ql, field: &str, why: Refusal) -> (String, String) {
    match why {
        Refusal::Unknown => (
            format!("Field '{field}' is not supported on a {} state.", ty.name()),
            match nearest(ty, ql, field) {
                Some(near) => format!("Did you mean '{near}'? Field names are case-sensitive."),
                None => "AWS rejects fields it does not know. Check the spelling (field names are case-sensitive) or remove it.".into(),
            },
        ),
        Refusal::WrongType => (
            format!("Field '{field}' is not supported on a {} state.", ty.name()),
            format!("'{field}' belongs to other kinds of state; remove it from this {} state.", ty.name()),
        ),
        Refusal::WrongLanguage => {
            let other = match ql {
                Ql::JsonPath => Ql::Jsonata,
                Ql::Jsonata => Ql::JsonPath,
            };
            (
                format!(
                    "The QueryLanguage is set to '{}', but field '{field}' is only supported for the '{}' QueryLanguage.",
                    ql.name(),
                    other.name()
                ),
                match ql {
                    Ql::Jsonata => "In JSONata states use 'Arguments' instead of 'Parameters', 'Output' instead of InputPath/OutputPath/ResultPath/ResultSelector, 'Items' instead of 'ItemsPath', and plain fields with {% %} expressions instead of the '...Path' fields.".into(),
                    Ql::JsonPath => "'Output', 'Arguments' and 'Items' need \"QueryLanguage\": \"JSONata\" on the state or the state machine.".into(),
                },
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_field_is_in_the_table_and_misspellings_find_it() {
        for name in FIELDS {
            assert!(row(name).is_some(), "{name}");
        }
        assert_eq!(nearest(StateType::Task, Ql::JsonPath, "Resouce"), Some("Resource"));
        assert_eq!(nearest(StateType::Task, Ql::JsonPath, "resultpath"), Some("ResultPath"));
        assert_eq!(nearest(StateType::Pass, Ql::Jsonata, "Ouptut"), Some("Output"));
        assert_eq!(nearest(StateType::Pass, Ql::JsonPath, "Zebra"), None);
    }
}
