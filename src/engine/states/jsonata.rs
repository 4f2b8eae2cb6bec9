//! The seam for `QueryLanguage: JSONata` states.
//!
//! Every state whose query language is JSONata comes here instead of the JSONPath pipeline; the
//! compiled [`State`] keeps the state's JSON in `raw` for the JSONata evaluator (`Arguments`,
//! `Output`, `Assign`, `Condition`, `{% %}` fields), and the scheduler, history, Retry/Catch and
//! Map/Parallel machinery are shared. Until that evaluator is wired in, such a state fails the
//! execution with a clear `States.Runtime` rather than running with JSONPath rules by mistake.

use super::Flow;
use crate::engine::compile::State;
use crate::engine::errors::Failure;
use crate::engine::scheduler::{CursorId, Run};

impl Run {
    pub(crate) fn attempt_jsonata(&mut self, _id: CursorId, state: &State) -> Flow {
        Flow::Fail(Failure::runtime(format!(
            "State '{}' uses QueryLanguage JSONata, which this engine does not evaluate yet.",
            state.name
        )))
    }
}
