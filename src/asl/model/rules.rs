//! Error handling (Retry, Catch) and Choice rules: the small nodes inside states.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::field::{Count, Extra, Field, FromJson, Members, spelled_enum};

spelled_enum!(
    /// How retry delays are randomised (`JitterStrategy`).
    JitterStrategy { Full = "FULL", None = "NONE" }
);

/// One `Retry` entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Retrier {
    pub pointer: String,
    pub error_equals: Option<Field<Vec<String>>>,
    pub interval_seconds: Option<Field<Count>>,
    pub max_attempts: Option<Field<Count>>,
    pub backoff_rate: Option<Field<f64>>,
    pub max_delay_seconds: Option<Field<Count>>,
    pub jitter_strategy: Option<Field<JitterStrategy>>,
    pub comment: Option<Field<String>>,
    pub extra: Extra,
}

impl FromJson for Retrier {
    fn from_json(value: &Value, at: &str) -> Option<Self> {
        value.as_object()?;
        let mut m = Members::new(value, at);
        Some(Retrier {
            pointer: at.to_string(),
            error_equals: m.field("ErrorEquals"),
            interval_seconds: m.field("IntervalSeconds"),
            max_attempts: m.field("MaxAttempts"),
            backoff_rate: m.field("BackoffRate"),
            max_delay_seconds: m.field("MaxDelaySeconds"),
            jitter_strategy: m.field("JitterStrategy"),
            comment: m.field("Comment"),
            extra: m.extra(),
        })
    }
}

/// One `Catch` entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catcher {
    pub pointer: String,
    pub error_equals: Option<Field<Vec<String>>>,
    pub next: Option<Field<String>>,
    pub result_path: Option<Field<Option<String>>>,
    /// JSONata: the catcher's `Output` and `Assign`.
    pub output: Option<Value>,
    pub assign: Option<Value>,
    pub comment: Option<Field<String>>,
    pub extra: Extra,
}

impl FromJson for Catcher {
    fn from_json(value: &Value, at: &str) -> Option<Self> {
        value.as_object()?;
        let mut m = Members::new(value, at);
        Some(Catcher {
            pointer: at.to_string(),
            error_equals: m.field("ErrorEquals"),
            next: m.field("Next"),
            result_path: m.field("ResultPath"),
            output: m.value("Output"),
            assign: m.value("Assign"),
            comment: m.field("Comment"),
            extra: m.extra(),
        })
    }
}

/// Every JSONPath Choice comparison operator AWS accepts.
pub const COMPARISONS: &[&str] = &[
    "BooleanEquals",
    "BooleanEqualsPath",
    "IsBoolean",
    "IsNull",
    "IsNumeric",
    "IsPresent",
    "IsString",
    "IsTimestamp",
    "NumericEquals",
    "NumericEqualsPath",
    "NumericGreaterThan",
    "NumericGreaterThanPath",
    "NumericGreaterThanEquals",
    "NumericGreaterThanEqualsPath",
    "NumericLessThan",
    "NumericLessThanPath",
    "NumericLessThanEquals",
    "NumericLessThanEqualsPath",
    "StringEquals",
    "StringEqualsPath",
    "StringGreaterThan",
    "StringGreaterThanPath",
    "StringGreaterThanEquals",
    "StringGreaterThanEqualsPath",
    "StringLessThan",
    "StringLessThanPath",
    "StringLessThanEquals",
    "StringLessThanEqualsPath",
    "StringMatches",
    "TimestampEquals",
    "TimestampEqualsPath",
    "TimestampGreaterThan",
    "TimestampGreaterThanPath",
    "TimestampGreaterThanEquals",
    "TimestampGreaterThanEqualsPath",
    "TimestampLessThan",
    "TimestampLessThanPath",
    "TimestampLessThanEquals",
    "TimestampLessThanEqualsPath",
];

/// One comparison of a JSONPath Choice rule: `"NumericGreaterThan": 20` and the like.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub operator: String,
    pub operand: Value,
}

/// A Choice rule (top-level rules have `Next`; nested `And`/`Or`/`Not` rules do not).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChoiceRule {
    pub pointer: String,
    pub next: Option<Field<String>>,
    pub comment: Option<Field<String>>,
    /// JSONata: the rule's `Condition` (a `{% %}` expression, or a literal boolean).
    pub condition: Option<Value>,
    pub variable: Option<Field<String>>,
    /// The first comparison operator present; any further ones stay in `extra`.
    pub comparison: Option<Comparison>,
    pub and: Option<Field<Vec<Field<ChoiceRule>>>>,
    pub or: Option<Field<Vec<Field<ChoiceRule>>>>,
    pub not: Option<Field<Box<ChoiceRule>>>,
    pub assign: Option<Value>,
    pub output: Option<Value>,
    pub extra: Extra,
}

impl FromJson for Box<ChoiceRule> {
    fn from_json(value: &Value, at: &str) -> Option<Self> {
        ChoiceRule::from_json(value, at).map(Box::new)
    }
}

impl FromJson for ChoiceRule {
    fn from_json(value: &Value, at: &str) -> Option<Self> {
        let object = value.as_object()?;
        let mut m = Members::new(value, at);
        let operator = COMPARISONS.iter().find(|op| object.contains_key(**op));
        let comparison = operator.and_then(|op| {
            m.raw(op)
                .map(|operand| Comparison { operator: op.to_string(), operand: operand.clone() })
        });
        Some(ChoiceRule {
            pointer: at.to_string(),
            next: m.field("Next"),
            comment: m.field("Comment"),
            condition: m.value("Condition"),
            variable: m.field("Variable"),
            comparison,
            and: m.field("And"),
            or: m.field("Or"),
            not: m.field("Not"),
            assign: m.value("Assign"),
            output: m.value("Output"),
            extra: m.extra(),
        })
    }
}
