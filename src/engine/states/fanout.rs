//! Map and Parallel: a parent cursor waiting on child cursors.
//!
//! The parent holds a [`Fanout`] in its block: pending Map items, results by slot, the children's
//! cursor ids. Children are ordinary cursors run by the same scheduler, started up to
//! `MaxConcurrency` at a time. A failed Parallel branch (or a Map iteration beyond the tolerated
//! failures) cancels every running sibling, recursively, before the parent handles the error.
//! Distributed Maps run their children silently (AWS logs only `MapRun*` in the parent history).

use serde_json::{Map, Value, json};

use super::{Flow, Step};
use crate::engine::compile::{BatcherSpec, GraphId, MapSpec, NumberSource, State};
use crate::engine::errors::{Failure, names};
use crate::engine::lang::{Env, Vars};
use crate::engine::scheduler::{Block, CursorId, Run};

macro_rules! tri {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(f) => return Flow::Fail(f),
        }
    };
}

const NO_CHILD: CursorId = CursorId::MAX;

/// Iterations started at once by a Map without a MaxConcurrency limit (AWS's inline limit).
const UNLIMITED_WINDOW: usize = 40;

/// A Map/Parallel in progress.
#[derive(Debug, Default)]
pub(crate) struct Fanout {
    map: bool,
    distributed: bool,
    graph: GraphId,
    /// Map items not yet started (taken when launched).
    items: Vec<Value>,
    /// The Map's effective input (`$` of ItemSelector).
    effective: Value,
    /// The Map's context object (`$$` of ItemSelector), `Null` when unused.
    context: Value,
    results: Vec<Value>,
    children: Vec<CursorId>,
    next: usize,
    running: usize,
    done: usize,
    failures: u64,
    max: usize,
    tolerated_count: Option<u64>,
    tolerated_percentage: Option<f64>,
    map_run_arn: String,
}

fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

/// Moves a Map's items out of its input instead of copying them, when nothing can read the input
/// again: no Retry/Catch (a new attempt or the error output would need it), the default
/// ResultPath (which drops it), no ItemSelector (which reads `$`), and a plain `$.a.b` ItemsPath.
fn take_items(state: &State, spec: &MapSpec, raw: &mut Value) -> Option<Value> {
    if !state.retry.is_empty()
        || !state.catch.is_empty()
        || state.result_path.is_some()
        || state.input_path.is_some()
        || spec.item_selector.is_some()
        || spec.item_reader.is_some()
        || spec.items.is_some()
    {
        return None;
    }
    let path = spec.items_path.as_ref()?.as_str().strip_prefix("$.")?;
    let simple = |seg: &str| {
        seg.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && seg.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    if !path.split('.').all(simple) {
        return None;
    }
    let slot = raw.pointer_mut(&format!("/{}", path.replace('.', "/")))?;
    slot.is_array().then(|| std::mem::take(slot))
}

impl Run {
    pub(crate) fn attempt_parallel(
        &mut self,
        id: CursorId,
        state: &State,
        branches: &[GraphId],
    ) -> Flow {
        let context = self.context_for(id, state);
        let Some(c) = self.cursors.get(id).and_then(Option::as_ref) else { return Flow::Blocked };
        let vars = c.vars.clone();
        let effective =
            tri!(Self::select_path(&state.input_path, c.input.clone(), &context, &vars));
        let input = match &state.parameters {
            Some(t) => tri!(t.eval(
                &Env { input: &effective, context: &context, vars: &vars },
                &mut self.entropy
            )),
            None => effective,
        };
        let started = self.emit(id, "ParallelStateStarted", None, None, || Value::Null);
        let mut fan = Fanout {
            results: vec![Value::Null; branches.len()],
            children: vec![NO_CHILD; branches.len()],
            ..Fanout::default()
        };
        fan.running = branches.len();
        for (i, g) in branches.iter().enumerate() {
            let child = self.spawn(*g, input.clone(), Vars::child(&vars), Some((id, i)), started);
            fan.children[i] = child;
            if let Some(c) = self.cursor(child) {
                c.takes_turns = true;
            }
        }
        if branches.is_empty() {
            self.emit(id, "ParallelStateSucceeded", None, None, || Value::Null);
            return self.finish_result(id, state, json!([]));
        }
        if let Some(c) = self.cursor(id) {
            c.block = Block::Children(Box::new(fan));
        }
        Flow::Blocked
    }

    /// Reads MaxConcurrency(Path) / ToleratedFailure*(Path) values with AWS's checks.
    fn map_number(
        &mut self,
        src: &Option<NumberSource>,
        field: &str,
        float: bool,
        env: &Env<'_>,
    ) -> Result<Option<f64>, Failure> {
        let (v, path) = match src {
            None => return Ok(None),
            Some(NumberSource::Literal(v)) => (v.clone(), None),
            Some(NumberSource::Path(p)) => (p.select(env)?, Some(p.as_str())),
            Some(NumberSource::Jsonata(t)) => {
                let v = t.eval(env, &mut self.entropy)?;
                let n = if float { v.as_f64() } else { v.as_f64().filter(|n| n.fract() == 0.0) };
                return n.map(Some).ok_or_else(|| {
                    Failure::new(
                        names::QUERY_EVALUATION,
                        format!(
                            "The {field} field must be {}, but was: {}",
                            if float { "a number" } else { "an integer" },
                            serde_json::to_string(&v).unwrap_or_default()
                        ),
                    )
                });
            }
        };
        let text = v.as_str().map(str::trim);
        let n = if float {
            v.as_f64()
                .or_else(|| text.and_then(|t| t.parse::<f64>().ok()).filter(|f| f.is_finite()))
        } else {
            v.as_i64()
                .map(|n| n as f64)
                .or_else(|| text.and_then(|t| t.parse::<i64>().ok()).map(|n| n as f64))
        };
        match (n, path) {
            (Some(n), _) => Ok(Some(n)),
            (None, Some(p)) => Err(Failure::runtime(format!(
                "The {field}Path field refers to value \"{}\" which is not a valid {}: {p}",
                shown(&v),
                if float { "float" } else { "integer" }
            ))),
            (None, None) => Ok(None),
        }
    }

    /// Reads MaxItemsPerBatch(Path) / MaxInputBytesPerBatch(Path): a whole number of at least 1.
    /// A literal that is not one (the validator reports it) sets no limit.
    fn batch_limit(
        &mut self,
        src: &Option<NumberSource>,
        field: &str,
        env: &Env<'_>,
    ) -> Result<Option<u64>, Failure> {
        let (v, path) = match src {
            None => return Ok(None),
            Some(NumberSource::Literal(v)) => return Ok(v.as_u64().map(|n| n.max(1))),
            Some(NumberSource::Path(p)) => (p.select(env)?, Some(p.as_str())),
            Some(NumberSource::Jsonata(t)) => (t.eval(env, &mut self.entropy)?, None),
        };
        let whole = v.as_u64().or_else(|| {
            // JSONata arithmetic gives floats: 4.0 is the whole number 4.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            v.as_f64().filter(|f| f.fract() == 0.0 && *f >= 1.0 && *f < 1e15).map(|f| f as u64)
        });
        let text = if path.is_some() {
            v.as_str().and_then(|t| t.trim().parse::<u64>().ok())
        } else {
            None
        };
        match (whole.or(text).filter(|n| *n >= 1), path) {
            (Some(n), _) => Ok(Some(n)),
            (None, Some(p)) => Err(Failure::runtime(format!(
                "The {field}Path field refers to value \"{}\" which is not a valid positive integer: {p}",
                shown(&v)
            ))),
            (None, None) => Err(Failure::new(
                names::QUERY_EVALUATION,
                format!(
                    "The {field} field must be a positive integer, but was: {}",
                    serde_json::to_string(&v).unwrap_or_default()
                ),
            )),
        }
    }

    pub(crate) fn attempt_map(&mut self, id: CursorId, state: &State, spec: &MapSpec) -> Flow {
        let context = self.context_for(id, state);
        let Some(c) = self.cursor(id) else { return Flow::Blocked };
        let vars = c.vars.clone();
        let mut raw = std::mem::take(&mut c.input);
        let prepared = self.prepare_map(id, state, spec, &mut raw, context, &vars);
        if let Some(c) = self.cursor(id) {
            c.input = raw;
        }
        let mut fan = tri!(prepared);
        if fan.results.is_empty() {
            return self.map_succeeded(id, state, fan);
        }
        if let Err(f) = self.launch(id, state, spec, &mut fan, 0) {
            self.cancel_children(&fan);
            return Flow::Fail(f);
        }
        if fan.max == 0 && fan.next < fan.items.len() {
            self.lazy_maps.push(id);
        }
        if let Some(c) = self.cursor(id) {
            c.block = Block::Children(Box::new(fan));
        }
        Flow::Blocked
    }

    /// Evaluates a Map's items and limits (borrowing the raw input) into a [`Fanout`].
    fn prepare_map(
        &mut self,
        id: CursorId,
        state: &State,
        spec: &MapSpec,
        raw: &mut Value,
        context: Value,
        vars: &Vars,
    ) -> Result<Fanout, Failure> {
        let taken = take_items(state, spec, raw);
        let raw = &*raw;
        let owned = match &state.input_path {
            None => None,
            Some(Some(p)) if p.is_root() => None,
            _ => Some(Self::select_path(&state.input_path, raw.clone(), &context, vars)?),
        };
        let effective = owned.as_ref().unwrap_or(raw);
        let env = Env { input: effective, context: &context, vars };
        let max = self.map_number(&spec.max_concurrency, "MaxConcurrency", false, &env)?;
        let items = if let Some(items) = taken {
            items
        } else if let Some(reader) = &spec.item_reader {
            self.read_items(reader, &env)?
        } else if let Some(t) = &spec.items {
            t.eval(&env, &mut self.entropy)?
        } else if let Some(p) = &spec.items_path {
            p.select(&env)?
        } else {
            effective.clone()
        };
        let Value::Array(mut items) = items else {
            return Err(Failure::runtime(format!(
                "Map state input must be a JSON array, but ItemsPath {} gives: {}",
                spec.items_path.as_ref().map_or("$", |p| p.as_str()),
                serde_json::to_string(&items).unwrap_or_default()
            )));
        };
        if let Some(b) = &spec.item_batcher {
            items = self.batch_items(b, items, &env)?;
        }
        let length = items.len();
        self.emit(id, "MapStateStarted", None, None, || json!({"length": length}));
        let count = self.map_number(&spec.tolerated_count, "ToleratedFailureCount", false, &env)?;
        if count.is_some_and(|n| n < 0.0) {
            return Err(Failure::runtime("ToleratedFailureCount cannot be negative."));
        }
        let pct =
            self.map_number(&spec.tolerated_percentage, "ToleratedFailurePercentage", true, &env)?;
        if pct.is_some_and(|p| !(0.0..=100.0).contains(&p)) {
            return Err(Failure::runtime("ToleratedFailurePercentage must be between 0 and 100."));
        }
        let mut map_run_arn = String::new();
        if spec.distributed {
            let id_ = &self.opts.identity;
            let arn = format!(
                "arn:{}:states:{}:{}:mapRun:{}/{}:{}",
                id_.partition,
                id_.region,
                id_.account,
                id_.state_machine_name,
                spec.label.clone().unwrap_or_else(|| state.name.to_string()),
                self.entropy.uuid()
            );
            map_run_arn = arn.clone();
            self.emit(id, "MapRunStarted", None, None, || json!({"mapRunArn": arn}));
        }
        let with_selector = spec.item_selector.is_some();
        Ok(Fanout {
            map: true,
            distributed: spec.distributed,
            graph: spec.processor,
            results: vec![Value::Null; length],
            children: vec![NO_CHILD; length],
            items,
            effective: if with_selector { effective.clone() } else { Value::Null },
            context: if with_selector && state.uses_context { context } else { Value::Null },
            max: max.map_or(0, |m| m.max(0.0) as usize),
            tolerated_count: count.map(|n| n as u64),
            tolerated_percentage: pct,
            map_run_arn,
            ..Fanout::default()
        })
    }

    /// Starts Map iterations up to MaxConcurrency.
    fn launch(
        &mut self,
        id: CursorId,
        state: &State,
        spec: &MapSpec,
        fan: &mut Fanout,
        extra: usize,
    ) -> Result<(), Failure> {
        // Without a MaxConcurrency limit, AWS runs up to 40 iterations at once; more start as
        // those finish, and one more whenever nothing else is ready (`Run::refill`): the same
        // events in virtual time, without thousands of live iterations at once.
        let cap = if fan.max == 0 { (fan.running + extra).max(UNLIMITED_WINDOW) } else { fan.max };
        let Some(vars) = self.cursors.get(id).and_then(Option::as_ref).map(|c| c.vars.clone())
        else {
            return Ok(());
        };
        while fan.next < fan.items.len() && fan.running < cap {
            let i = fan.next;
            fan.next += 1;
            let value = std::mem::take(&mut fan.items[i]);
            let input = match &spec.item_selector {
                Some(t) => {
                    let mut ctx = fan.context.clone();
                    if let Value::Object(m) = &mut ctx {
                        m.insert("Map".into(), json!({"Item": {"Index": i, "Value": value}}));
                    }
                    let env = Env { input: &fan.effective, context: &ctx, vars: &vars };
                    t.eval(&env, &mut self.entropy)?
                }
                None => value,
            };
            let name = state.name.clone();
            let started = if fan.distributed {
                self.cursors.get(id).and_then(Option::as_ref).map_or(0, |c| c.last_event)
            } else {
                self.emit(
                    id,
                    "MapIterationStarted",
                    Some(&name),
                    Some(i as u64),
                    || json!({"index": i, "name": &*name}),
                )
            };
            let child = self.spawn(fan.graph, input, Vars::child(&vars), Some((id, i)), started);
            if fan.distributed
                && let Some(c) = self.cursor(child)
            {
                c.silent = true;
            }
            fan.children[i] = child;
            fan.running += 1;
        }
        Ok(())
    }

    fn map_succeeded(&mut self, id: CursorId, state: &State, fan: Fanout) -> Flow {
        if fan.distributed {
            self.emit(id, "MapRunSucceeded", None, None, || Value::Null);
        }
        let result = match &state.kind {
            crate::engine::compile::Kind::Map(spec) if spec.result_writer.is_some() => {
                let writer = spec.result_writer.as_ref().unwrap_or(&Value::Null);
                match self.write_results(id, state, writer, &fan.map_run_arn, fan.results) {
                    Ok(v) => v,
                    Err(f) => return Flow::Fail(f),
                }
            }
            _ => Value::Array(fan.results),
        };
        self.emit(id, "MapStateSucceeded", None, None, || Value::Null);
        self.finish_result(id, state, result)
    }

    /// Cancels every running child of a fanout, recursively.
    pub(crate) fn cancel_children(&mut self, fan: &Fanout) {
        for &child in &fan.children {
            if child == NO_CHILD {
                continue;
            }
            let Some(c) = self.cursors.get_mut(child).and_then(Option::as_mut) else { continue };
            c.cancelled = true;
            c.generation += 1;
            let block = std::mem::take(&mut c.block);
            self.cursors[child] = None;
            match block {
                Block::Children(inner) => self.cancel_children(&inner),
                Block::Callback(a) => {
                    self.tokens.remove(&a.token);
                }
                _ => {}
            }
        }
    }

    /// A child cursor ended.
    pub(crate) fn child_done(
        &mut self,
        parent: CursorId,
        slot: usize,
        last_event: u64,
        result: Result<Value, Failure>,
    ) {
        let Some((prog, graph, si)) = self.state_of(parent) else { return };
        let state = Self::state(&prog, graph, si);
        let Some(c) = self.cursor(parent) else { return };
        let Block::Children(mut fan) = std::mem::take(&mut c.block) else { return };
        c.last_event = last_event;
        fan.children[slot] = NO_CHILD;
        fan.running -= 1;
        fan.done += 1;
        let name = state.name.clone();
        let flow = match result {
            Ok(v) => {
                fan.results[slot] = v;
                if fan.map && !fan.distributed {
                    self.emit(
                        parent,
                        "MapIterationSucceeded",
                        Some(&name),
                        Some(slot as u64),
                        || json!({"index": slot, "name": &*name}),
                    );
                }
                None
            }
            Err(f) => {
                if fan.map && !fan.distributed {
                    self.emit(
                        parent,
                        "MapIterationFailed",
                        Some(&name),
                        Some(slot as u64),
                        || json!({"index": slot, "name": &*name}),
                    );
                }
                fan.failures += 1;
                let total = fan.results.len().max(1) as f64;
                let tolerance_set =
                    fan.tolerated_count.is_some() || fan.tolerated_percentage.is_some();
                let over = !fan.map
                    || match (fan.tolerated_count, fan.tolerated_percentage) {
                        (None, None) => true,
                        (count, pct) => {
                            count.is_none_or(|n| fan.failures > n)
                                && pct.is_none_or(|p| fan.failures as f64 * 100.0 / total > p)
                        }
                    };
                if over {
                    if fan.map && !fan.distributed {
                        for (index, _) in
                            fan.children.iter().enumerate().filter(|(_, c)| **c != NO_CHILD)
                        {
                            self.emit(
                                parent,
                                "MapIterationAborted",
                                Some(&name),
                                Some(index as u64),
                                || json!({"index": index, "name": &*name}),
                            );
                        }
                    }
                    self.cancel_children(&fan);
                    if fan.distributed {
                        self.emit(parent, "MapRunFailed", None, None, || Value::Null);
                    }
                    let f = if fan.map && tolerance_set {
                        Failure::new(
                            names::TOLERATED,
                            "The specified tolerated failure threshold was exceeded",
                        )
                    } else {
                        f
                    };
                    if self.handle_failure(parent, state, f, true) == Step::Continue {
                        self.ready.push_back(parent);
                    }
                    return;
                }
                fan.results[slot] = f.to_catch_output();
                None
            }
        };
        let _: Option<()> = flow;
        if fan.map
            && fan.done < fan.results.len()
            && let crate::engine::compile::Kind::Map(spec) = &state.kind
            && let Err(f) = self.launch(parent, state, spec, &mut fan, 0)
        {
            self.cancel_children(&fan);
            let entered =
                self.cursors.get(parent).and_then(Option::as_ref).map_or(0, |c| c.entered_event);
            self.resolve_later(parent, Flow::Fail(f.in_state(&state.name, entered)));
            return;
        }
        if fan.done == fan.results.len() {
            let flow = if fan.map {
                self.map_succeeded(parent, state, *fan)
            } else {
                self.emit(parent, "ParallelStateSucceeded", None, None, || Value::Null);
                self.finish_result(parent, state, Value::Array(fan.results))
            };
            let flow = match flow {
                Flow::Fail(f) => {
                    let entered = self
                        .cursors
                        .get(parent)
                        .and_then(Option::as_ref)
                        .map_or(0, |c| c.entered_event);
                    Flow::Fail(f.in_state(&state.name, entered))
                }
                other => other,
            };
            self.resolve_later(parent, flow);
        } else if let Some(c) = self.cursor(parent) {
            c.block = Block::Children(fan);
        }
    }

    /// Nothing is ready: starts one more iteration of a Map without a concurrency limit.
    /// Returns whether one started.
    pub(crate) fn refill(&mut self) -> bool {
        while let Some(parent) = self.lazy_maps.pop() {
            let Some((prog, graph, si)) = self.state_of(parent) else { continue };
            let state = Self::state(&prog, graph, si);
            let crate::engine::compile::Kind::Map(spec) = &state.kind else { continue };
            let Some(c) = self.cursor(parent) else { continue };
            let Block::Children(mut fan) = std::mem::take(&mut c.block) else { continue };
            let before = fan.next;
            let launched = self.launch(parent, state, spec, &mut fan, 1);
            if fan.next < fan.items.len() {
                self.lazy_maps.push(parent);
            }
            if let Err(f) = launched {
                self.cancel_children(&fan);
                let entered = self
                    .cursors
                    .get(parent)
                    .and_then(Option::as_ref)
                    .map_or(0, |c| c.entered_event);
                self.resolve_later(parent, Flow::Fail(f.in_state(&state.name, entered)));
                return true;
            }
            let started = fan.next > before;
            if let Some(c) = self.cursor(parent) {
                c.block = Block::Children(fan);
            }
            if started {
                return true;
            }
        }
        false
    }

    /// Groups items per ItemBatcher: `{"Items": [...]}` plus `BatchInput`.
    fn batch_items(
        &mut self,
        batcher: &BatcherSpec,
        items: Vec<Value>,
        env: &Env<'_>,
    ) -> Result<Vec<Value>, Failure> {
        let max_items = self.batch_limit(&batcher.max_items, "MaxItemsPerBatch", env)?;
        let max_bytes = self.batch_limit(&batcher.max_bytes, "MaxInputBytesPerBatch", env)?;
        let batch_input = match &batcher.batch_input {
            Some(t) => Some(t.eval(env, &mut self.entropy)?),
            None => None,
        };
        let mut out = Vec::new();
        let mut current: Vec<Value> = Vec::new();
        let mut bytes = 0usize;
        for item in items {
            let size = crate::engine::io::json_size(&item, usize::MAX);
            let full = max_items.is_some_and(|m| current.len() as u64 >= m)
                || max_bytes.is_some_and(|m| !current.is_empty() && (bytes + size) as u64 > m);
            if full {
                out.push(std::mem::take(&mut current));
                bytes = 0;
            }
            bytes += size;
            current.push(item);
        }
        if !current.is_empty() {
            out.push(current);
        }
        Ok(out
            .into_iter()
            .map(|items| {
                let mut m = Map::new();
                if let Some(b) = &batch_input {
                    m.insert("BatchInput".into(), b.clone());
                }
                m.insert("Items".into(), Value::Array(items));
                Value::Object(m)
            })
            .collect())
    }
}
