//! Distributed Map I/O on the local disk: `ItemReader` and `ResultWriter`.
//!
//! AWS reads items from S3; locally, bucket `B` and key `K` name the file `<data dir>/B/K`, the
//! data directory being the run's `base_dir` (by default the definition's folder). JSON (an
//! array), JSONL (one value per line) and CSV (first row or given headers; every cell a string)
//! are supported. Errors are `States.ItemReaderFailed` with the file and the reason.
//! `ResultWriter` writes AWS's layout under `<data dir>/<Bucket>/<Prefix>/<uuid>/`
//! (`SUCCEEDED_0.json` and `manifest.json`) and the Map's result becomes AWS's
//! `{"MapRunArn", "ResultWriterDetails": {"Bucket", "Key"}}`; errors are
//! `States.ResultWriterFailed`.

use std::path::PathBuf;

use serde_json::{Map, Value};

use super::errors::{Failure, names};
use super::lang::{CPath, Env, Template};
use super::scheduler::{CursorId, Run};

fn reader_failed(msg: impl Into<String>) -> Failure {
    Failure::new(names::ITEM_READER, msg)
}

/// Splits one CSV line into cells (RFC 4180 quotes).
fn csv_cells(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        match (ch, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(std::mem::take(&mut cur)),
            (c, _) => cur.push(c),
        }
    }
    cells.push(cur);
    cells
}

/// Parses file text per `ReaderConfig`.
pub(crate) fn parse_items(text: &str, config: &Value) -> Result<Vec<Value>, String> {
    let input_type = config.get("InputType").and_then(Value::as_str).unwrap_or("JSON");
    let mut items = match input_type {
        "JSON" => match serde_json::from_str::<Value>(text).map_err(|e| e.to_string())? {
            Value::Array(a) => a,
            _ => return Err("the JSON file does not hold an array".into()),
        },
        "JSONL" => text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).map_err(|e| e.to_string()))
            .collect::<Result<_, _>>()?,
        "CSV" => {
            let mut lines = text.lines().filter(|l| !l.is_empty());
            let headers: Vec<String> = match config.get("CSVHeaderLocation").and_then(Value::as_str)
            {
                Some("GIVEN") => config
                    .get("CSVHeaders")
                    .and_then(Value::as_array)
                    .map(|h| h.iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect())
                    .unwrap_or_default(),
                _ => lines.next().map(csv_cells).unwrap_or_default(),
            };
            lines
                .map(|l| {
                    let mut m = Map::new();
                    for (h, cell) in headers.iter().zip(csv_cells(l)) {
                        m.insert(h.clone(), Value::String(cell));
                    }
                    Value::Object(m)
                })
                .collect()
        }
        other => return Err(format!("InputType '{other}' is not supported locally")),
    };
    if let Some(max) = config.get("MaxItems").and_then(Value::as_u64) {
        items.truncate(max as usize);
    }
    Ok(items)
}

/// The `Parameters` (JSONPath) or `Arguments` (JSONata, `{% %}` expressions) of an
/// `ItemReader`/`ResultWriter` named `owner`.
fn payload_template(config: &Value, owner: &str) -> Result<Option<Template>, Failure> {
    let compiled = match (config.get("Parameters"), config.get("Arguments")) {
        (Some(p), _) => Template::compile(p),
        (None, Some(a)) => Template::jsonata(a, &format!("{owner}/Arguments"), None),
        (None, None) => return Ok(None),
    };
    compiled.map(Some).map_err(Failure::runtime)
}

impl Run {
    /// Reads a Map's items from a local file named by `ItemReader.Parameters` Bucket/Key.
    pub(crate) fn read_items(&mut self, reader: &Value, env: &Env<'_>) -> Result<Value, Failure> {
        let params = match payload_template(reader, "ItemReader")? {
            Some(t) => t.eval(env, &mut self.entropy)?,
            None => Value::Object(Map::new()),
        };
        let part = |k: &str| params.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
        let path: PathBuf = self.opts.base_dir.join(part("Bucket")).join(part("Key"));
        let text = std::fs::read_to_string(&path).map_err(|e| {
            reader_failed(format!("cannot read the items file {}: {e}", path.display()))
        })?;
        let mut config = reader.get("ReaderConfig").cloned().unwrap_or(Value::Null);
        if let Some(max) = self.reader_max_items(&config, env)?
            && let Some(o) = config.as_object_mut()
        {
            o.insert("MaxItems".into(), Value::from(max));
        }
        parse_items(&text, &config)
            .map(Value::Array)
            .map_err(|e| reader_failed(format!("{}: {e}", path.display())))
    }
}

impl Run {
    /// `ReaderConfig.MaxItemsPath` (JSONPath) or a `{% %}` `MaxItems` (JSONata), evaluated; a
    /// literal `MaxItems` is read by `parse_items` as it is.
    fn reader_max_items(&mut self, config: &Value, env: &Env<'_>) -> Result<Option<u64>, Failure> {
        const MAX: u64 = 100_000_000;
        if let Some(text) = config.get("MaxItemsPath").and_then(Value::as_str) {
            let v = CPath::parse_reference(text).map_err(Failure::runtime)?.select(env)?;
            let n = v.as_u64().or_else(|| v.as_str().and_then(|t| t.trim().parse::<u64>().ok()));
            return n.filter(|n| *n <= MAX).map(Some).ok_or_else(|| {
                let shown = v.as_str().map_or_else(|| v.to_string(), str::to_string);
                Failure::runtime(format!(
                    "The MaxItemsPath field refers to value \"{shown}\" which is not a valid integer: {text}"
                ))
            });
        }
        let Some(field @ Value::String(text)) = config.get("MaxItems") else { return Ok(None) };
        if crate::jsonata::template_body(text).is_none() {
            return Ok(None);
        }
        let v = Template::jsonata(field, "ItemReader/ReaderConfig/MaxItems", None)
            .map_err(Failure::runtime)?
            .eval(env, &mut self.entropy)?;
        let whole = v.as_u64().or_else(|| {
            // JSONata arithmetic gives floats: 2.0 is the whole number 2.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            v.as_f64()
                .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= MAX as f64)
                .map(|f| f as u64)
        });
        whole.filter(|n| *n <= MAX).map(Some).ok_or_else(|| {
            Failure::new(
                names::QUERY_EVALUATION,
                format!("The MaxItems field must be a non-negative integer, but was: {v}"),
            )
        })
    }

    /// Writes a Map's results per `ResultWriter` and returns the Map's result object.
    pub(crate) fn write_results(
        &mut self,
        id: CursorId,
        state: &super::compile::State,
        writer: &Value,
        map_run_arn: &str,
        results: Vec<Value>,
    ) -> Result<Value, Failure> {
        let failed = |m: String| Failure::new(names::RESULT_WRITER, m);
        let context = self.context_for(id, state);
        let Some(c) = self.cursors.get(id).and_then(Option::as_ref) else { return Ok(Value::Null) };
        let (input, vars) = (c.input.clone(), c.vars.clone());
        let params = match payload_template(writer, "ResultWriter")? {
            Some(t) => {
                let env = Env { input: &input, context: &context, vars: &vars };
                t.eval(&env, &mut self.entropy)?
            }
            None => Value::Object(Map::new()),
        };
        let bucket = params.get("Bucket").and_then(Value::as_str).unwrap_or_default().to_string();
        let prefix = params
            .get("Prefix")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .trim_end_matches('/')
            .to_string();
        let run_id = self.entropy.uuid();
        let key_dir = if prefix.is_empty() { run_id } else { format!("{prefix}/{run_id}") };
        let dir = self.opts.base_dir.join(&bucket).join(&key_dir);
        std::fs::create_dir_all(&dir)
            .map_err(|e| failed(format!("cannot create {}: {e}", dir.display())))?;
        let entries: Vec<Value> = results
            .into_iter()
            .map(|out| {
                serde_json::json!({
                    "Output": serde_json::to_string(&out).unwrap_or_default(),
                    "OutputDetails": {"Included": true},
                    "Status": "SUCCEEDED",
                })
            })
            .collect();
        let body = serde_json::to_vec(&Value::Array(entries)).unwrap_or_default();
        let file = dir.join("SUCCEEDED_0.json");
        std::fs::write(&file, &body)
            .map_err(|e| failed(format!("cannot write {}: {e}", file.display())))?;
        let manifest = serde_json::json!({
            "DestinationBucket": bucket,
            "MapRunArn": map_run_arn,
            "ResultFiles": {
                "FAILED": [],
                "PENDING": [],
                "SUCCEEDED": [{"Key": format!("{key_dir}/SUCCEEDED_0.json"), "Size": body.len()}],
            },
        });
        let file = dir.join("manifest.json");
        std::fs::write(&file, serde_json::to_vec(&manifest).unwrap_or_default())
            .map_err(|e| failed(format!("cannot write {}: {e}", file.display())))?;
        Ok(serde_json::json!({
            "MapRunArn": map_run_arn,
            "ResultWriterDetails": {"Bucket": bucket, "Key": format!("{key_dir}/manifest.json")},
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_each_format() {
        let cases: &[(&str, Value, Value)] = &[
            ("[1,2,3]", json!({}), json!([1, 2, 3])),
            ("{\"a\":1}\n{\"a\":2}\n", json!({"InputType": "JSONL"}), json!([{"a": 1}, {"a": 2}])),
            ("x,y\n1,\"a,b\"\n", json!({"InputType": "CSV"}), json!([{"x": "1", "y": "a,b"}])),
            (
                "1,2\n",
                json!({"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": ["p", "q"]}),
                json!([{"p": "1", "q": "2"}]),
            ),
            ("[1,2,3]", json!({"MaxItems": 2}), json!([1, 2])),
        ];
        for (text, cfg, want) in cases {
            assert_eq!(Value::Array(parse_items(text, cfg).unwrap_or_default()), *want, "{text}");
        }
        assert!(parse_items("{}", &json!({})).is_err());
    }
}
