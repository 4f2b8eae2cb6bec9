//! The execution history: AWS `HistoryEventType` events with ids, previous ids and details.
//!
//! Events are numbered from 1 in the order the scheduler emits them; `previous_event_id` links an
//! event to the one before it on the same cursor (branch/iteration), as AWS does. Details are
//! built lazily: when nobody records or listens, an event costs a counter increment (the 25,000
//! event quota still counts). Details keep AWS's field names (`input`, `output`, `error`, ...).

use std::sync::Arc;

use serde_json::{Map, Value, json};

/// One history event.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEvent {
    /// 1-based id.
    pub id: u64,
    /// The id of the event before this one on the same path (0 for none).
    pub previous_event_id: u64,
    /// Epoch milliseconds.
    pub timestamp: i64,
    /// AWS's `HistoryEventType` name, e.g. `TaskStateEntered`.
    pub kind: &'static str,
    /// The state name on `*StateEntered`/`*StateExited` and `MapIteration*` events.
    pub name: Option<Arc<str>>,
    /// The iteration index on `MapIteration*` events.
    pub index: Option<u64>,
    /// The event's details object (`stateEnteredEventDetails`...), `Null` when it has none.
    pub details: Value,
}

impl HistoryEvent {
    /// The key AWS uses for this event's details (`taskScheduledEventDetails`...), if any.
    pub fn details_key(&self) -> Option<String> {
        if self.details.is_null() {
            return None;
        }
        let k = self.kind;
        let base = if k.ends_with("StateEntered") {
            "stateEntered".to_string()
        } else if k.ends_with("StateExited") {
            "stateExited".to_string()
        } else {
            let mut c = k.chars();
            c.next().map(|f| f.to_ascii_lowercase().to_string() + c.as_str()).unwrap_or_default()
        };
        Some(format!("{base}EventDetails"))
    }

    /// The event as AWS's `GetExecutionHistory` prints it, plus `name`/`index` shortcuts.
    pub fn to_json(&self) -> Value {
        self.clone().into_json()
    }

    /// [`HistoryEvent::to_json`], moving the details instead of copying them.
    pub fn into_json(self) -> Value {
        let key = self.details_key();
        let mut m = Map::new();
        m.insert("id".into(), json!(self.id));
        m.insert("previousEventId".into(), json!(self.previous_event_id));
        m.insert("timestamp".into(), Value::String(super::time::format_millis(self.timestamp)));
        m.insert("type".into(), Value::String(self.kind.into()));
        if let Some(n) = &self.name {
            m.insert("name".into(), Value::String(n.to_string()));
        }
        if let Some(i) = self.index {
            m.insert("index".into(), json!(i));
        }
        if let Some(key) = key {
            m.insert(key, self.details);
        }
        Value::Object(m)
    }
}

/// Receives events as they are emitted (the debugger's stream).
pub trait EventSink: Send {
    /// Called once per event, in id order.
    fn event(&mut self, event: &HistoryEvent);
}

/// The history of one execution being written.
pub(crate) struct History {
    next_id: u64,
    record: bool,
    pub(crate) events: Vec<HistoryEvent>,
    sink: Option<Box<dyn EventSink>>,
}

/// AWS's text form of a payload in event details.
pub(crate) fn payload(v: &Value) -> Value {
    Value::String(serde_json::to_string(v).unwrap_or_default())
}

impl History {
    pub(crate) fn new(record: bool, sink: Option<Box<dyn EventSink>>) -> Self {
        History { next_id: 1, record, events: Vec::new(), sink }
    }

    /// Whether details are wanted (recorded or streamed).
    pub(crate) fn wants_details(&self) -> bool {
        self.record || self.sink.is_some()
    }

    /// The number of events emitted so far.
    pub(crate) fn count(&self) -> u64 {
        self.next_id - 1
    }

    /// Emits an event and returns its id.
    pub(crate) fn push(
        &mut self,
        previous: u64,
        timestamp: i64,
        kind: &'static str,
        name: Option<&Arc<str>>,
        index: Option<u64>,
        details: impl FnOnce() -> Value,
    ) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        if self.wants_details() {
            let event = HistoryEvent {
                id,
                previous_event_id: previous,
                timestamp,
                kind,
                name: name.cloned(),
                index,
                details: details(),
            };
            if let Some(sink) = self.sink.as_mut() {
                sink.event(&event);
            }
            if self.record {
                self.events.push(event);
            }
        }
        id
    }
}
