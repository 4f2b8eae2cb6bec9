//! Map states: the inner machine (ItemProcessor or the older Iterator), its ProcessorConfig,
//! concurrency and failure tolerance, Label, ItemReader, ItemBatcher and ResultWriter.
//!
//! Guarantees: exactly one of ItemProcessor/Iterator, checked as a nested machine; each value
//! and its `...Path` twin are exclusive; numbers are in AWS's ranges (MaxConcurrency ≥ 0,
//! ToleratedFailurePercentage 0–100, ToleratedFailureCount ≥ 0); a Label is 1–40 characters
//! with none of the characters AWS forbids; ItemReader and ResultWriter have the shapes and S3
//! resources AWS accepts, with `Parameters` only under JSONPath and `Arguments` only under
//! JSONata.

use serde_json::{Map, Value};

use super::machine::{MachineKind, Walk, check_machine};
use super::states::{State, check_count, check_reference_path_field, only_one_of};
use super::{Ctx, Ql, at, jsonata, kind, paths, payload};
use crate::diagnostic::Code;

pub(crate) fn check_map(s: &State<'_>, walk: &mut Walk, cx: &mut Ctx<'_>) {
    match (s.get("ItemProcessor"), s.get("Iterator")) {
        (Some(_), Some(_)) => {
            cx.error(
                Code::SchemaValidationFailed,
                s.ptr,
                "A Map state may have only one of 'ItemProcessor' and 'Iterator'.",
            )
            .hint =
                Some("'Iterator' is the older name of 'ItemProcessor'; keep ItemProcessor.".into());
        }
        (None, None) => {
            cx.error(
                Code::MissingField,
                s.ptr,
                "A Map state needs an 'ItemProcessor': the states to run for each item.",
            );
        }
        _ => {}
    }
    for (key, machine) in
        [("ItemProcessor", MachineKind::ItemProcessor), ("Iterator", MachineKind::Iterator)]
    {
        if let Some(v) = s.get(key) {
            let here = s.field(key);
            match v.as_object() {
                Some(obj) => check_machine(obj, &here, machine, walk, cx),
                None => {
                    cx.error(
                        Code::InvalidFieldValue,
                        here,
                        format!(
                            "'{key}' must be an object with StartAt and States, not {}.",
                            kind(v)
                        ),
                    );
                }
            }
        }
    }

    only_one_of(s, "MaxConcurrency", "MaxConcurrencyPath", cx);
    only_one_of(s, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", cx);
    only_one_of(s, "ToleratedFailureCount", "ToleratedFailureCountPath", cx);
    check_count(s, "MaxConcurrency", 0, u64::MAX, cx);
    check_count(s, "ToleratedFailureCount", 0, u64::MAX, cx);
    if let Some(v) = s.get("ToleratedFailurePercentage") {
        let here = s.field("ToleratedFailurePercentage");
        if s.ql == Ql::Jsonata && jsonata::is_expression(v) {
            jsonata::check_value(v, &here, jsonata::Scope::State, cx);
        } else if !v.as_f64().is_some_and(|f| (0.0..=100.0).contains(&f)) {
            cx.error(
                Code::InvalidFieldValue,
                here,
                "'ToleratedFailurePercentage' must be a number from 0 to 100.",
            );
        }
    }
    for key in [
        "ItemsPath",
        "MaxConcurrencyPath",
        "ToleratedFailurePercentagePath",
        "ToleratedFailureCountPath",
    ] {
        check_reference_path_field(s, key, cx);
    }
    if let Some(items) = s.get("Items") {
        let here = s.field("Items");
        if !(items.is_array() || jsonata::is_expression(items)) {
            cx.error(
                Code::InvalidFieldValue,
                &here,
                "'Items' must be a list or a {% %} expression.",
            );
        }
        jsonata::check_value(items, &here, jsonata::Scope::State, cx);
    }
    for key in ["ItemSelector", "Parameters"] {
        if let Some(v) = s.get(key) {
            let here = s.field(key);
            match s.ql {
                Ql::JsonPath if key == "ItemSelector" => {
                    payload::check_template_field(v, &here, key, cx)
                }
                Ql::Jsonata => jsonata::check_value(v, &here, jsonata::Scope::State, cx),
                _ => {}
            }
        }
    }
    if let Some(label) = s.get("Label") {
        let here = s.field("Label");
        check_label(label, &here, cx);
        if let Some(text) = label.as_str() {
            walk.labels.push((text.to_owned(), here));
        }
    }
    if let Some(reader) = s.get("ItemReader") {
        check_item_reader(reader, &s.field("ItemReader"), s.ql, cx);
    }
    if let Some(batcher) = s.get("ItemBatcher") {
        check_item_batcher(batcher, &s.field("ItemBatcher"), s.ql, cx);
    }
    if let Some(writer) = s.get("ResultWriter") {
        check_result_writer(writer, &s.field("ResultWriter"), s.ql, cx);
    }
}

/// `ProcessorConfig` of an ItemProcessor: Mode INLINE|DISTRIBUTED, ExecutionType STANDARD|EXPRESS.
pub(crate) fn check_processor_config(value: &Value, ptr: &str, cx: &mut Ctx<'_>) {
    let Some(obj) = value.as_object() else {
        cx.error(
            Code::InvalidFieldValue,
            ptr,
            format!("'ProcessorConfig' must be an object, not {}.", kind(value)),
        );
        return;
    };
    for (key, v) in obj {
        let here = at(ptr, key);
        let allowed: &[&str] = match key.as_str() {
            "Mode" => &["INLINE", "DISTRIBUTED"],
            "ExecutionType" => &["STANDARD", "EXPRESS"],
            _ => {
                cx.error(
                    Code::FieldNotAllowed,
                    ptr,
                    format!("Field '{key}' is not supported in ProcessorConfig."),
                );
                continue;
            }
        };
        if !v.as_str().is_some_and(|s| allowed.contains(&s)) {
            cx.error(
                Code::InvalidFieldValue,
                here,
                format!("'{key}' must be one of {}.", allowed.join(", ")),
            );
        }
    }
}

fn check_label(value: &Value, ptr: &str, cx: &mut Ctx<'_>) {
    let Some(label) = value.as_str() else {
        cx.error(
            Code::InvalidFieldValue,
            ptr,
            format!("'Label' must be text, not {}.", kind(value)),
        );
        return;
    };
    if label.is_empty() {
        cx.error(Code::InvalidFieldValue, ptr, "Label cannot be empty.");
        return;
    }
    if label.chars().count() > 40 {
        cx.error(Code::InvalidFieldValue, ptr, "Label cannot exceed 40 characters.");
    }
    let forbidden = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || ('\u{7f}'..='\u{9f}').contains(&c)
            || "\"#$%&*,:;<>?[\\]^`{|}~".contains(c)
    };
    if let Some(bad) = label.chars().find(|c| forbidden(*c)) {
        let shown = if bad.is_control() || bad.is_whitespace() {
            format!("U+{:04X}", bad as u32)
        } else {
            format!("'{bad}'")
        };
        cx.error(Code::InvalidFieldValue, ptr, format!("Label contains an invalid character: {shown}."))
            .hint = Some("A Label may not contain spaces, control characters or any of \" # $ % & * , : ; < > ? [ \\ ] ^ ` { | } ~.".into());
    }
}

/// `Parameters` under JSONPath, `Arguments` under JSONata; the other one is refused.
fn check_arguments(obj: &Map<String, Value>, ptr: &str, what: &str, ql: Ql, cx: &mut Ctx<'_>) {
    let (wrong, right) = match ql {
        Ql::JsonPath => ("Arguments", "Parameters"),
        Ql::Jsonata => ("Parameters", "Arguments"),
    };
    if obj.contains_key(wrong) {
        cx.error(
            Code::FieldNotAllowed,
            at(ptr, wrong),
            format!(
                "The QueryLanguage is set to '{}', so {what} takes '{right}', not '{wrong}'.",
                ql.name()
            ),
        );
    }
    if let Some(v) = obj.get(right) {
        let here = at(ptr, right);
        match ql {
            Ql::JsonPath => payload::check_template_field(v, &here, right, cx),
            Ql::Jsonata => {
                if !(v.is_object() || jsonata::is_expression(v)) {
                    cx.error(
                        Code::InvalidFieldValue,
                        &here,
                        format!(
                            "'Arguments' must be an object or a {{% %}} expression, not {}.",
                            kind(v)
                        ),
                    );
                }
                jsonata::check_value(v, &here, jsonata::Scope::State, cx);
            }
        }
    }
}

fn check_item_reader(value: &Value, ptr: &str, ql: Ql, cx: &mut Ctx<'_>) {
    let Some(obj) = value.as_object() else {
        cx.error(
            Code::InvalidFieldValue,
            ptr,
            format!("'ItemReader' must be an object, not {}.", kind(value)),
        );
        return;
    };
    match obj.get("Resource") {
        None => {
            cx.error(
                Code::MissingField,
                ptr,
                "The ItemReader needs a 'Resource', such as arn:aws:states:::s3:getObject.",
            );
        }
        Some(r) => {
            let ok = r.as_str().is_some_and(|r| {
                matches!(r, "arn:aws:states:::s3:getObject" | "arn:aws:states:::s3:listObjectsV2")
            });
            if !ok {
                cx.error(Code::InvalidResource, at(ptr, "Resource"), "The ItemReader resource must be arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2.");
            }
        }
    }
    for key in obj.keys() {
        if !matches!(key.as_str(), "Resource" | "ReaderConfig" | "Parameters" | "Arguments") {
            cx.error(
                Code::FieldNotAllowed,
                ptr,
                format!("Field '{key}' is not supported in an ItemReader."),
            );
        }
    }
    check_arguments(obj, ptr, "the ItemReader", ql, cx);
    let Some(config) = obj.get("ReaderConfig") else { return };
    let cp = at(ptr, "ReaderConfig");
    let Some(config) = config.as_object() else {
        cx.error(Code::InvalidFieldValue, cp, "'ReaderConfig' must be an object.");
        return;
    };
    if config.contains_key("MaxItems") && config.contains_key("MaxItemsPath") {
        cx.error(
            Code::SchemaValidationFailed,
            &cp,
            "The ReaderConfig may have only one of 'MaxItems' and 'MaxItemsPath'.",
        );
    }
    for (key, v) in config {
        let here = at(&cp, key);
        let expression = ql == Ql::Jsonata && jsonata::is_expression(v);
        match key.as_str() {
            "InputType" => {
                if !matches!(v.as_str(), Some("CSV" | "JSON" | "JSONL" | "MANIFEST" | "PARQUET")) {
                    cx.error(
                        Code::InvalidFieldValue,
                        here,
                        "'InputType' must be one of CSV, JSON, JSONL, MANIFEST, PARQUET.",
                    );
                }
            }
            "CSVHeaderLocation" => {
                if !matches!(v.as_str(), Some("FIRST_ROW" | "GIVEN")) {
                    cx.error(
                        Code::InvalidFieldValue,
                        here,
                        "'CSVHeaderLocation' must be FIRST_ROW or GIVEN.",
                    );
                }
            }
            "CSVHeaders" => {
                if !v.as_array().is_some_and(|a| a.iter().all(Value::is_string)) {
                    cx.error(
                        Code::InvalidFieldValue,
                        here,
                        "'CSVHeaders' must be a list of column names.",
                    );
                }
            }
            "CSVDelimiter" => {
                if !matches!(v.as_str(), Some("COMMA" | "PIPE" | "SEMICOLON" | "SPACE" | "TAB")) {
                    cx.error(
                        Code::InvalidFieldValue,
                        here,
                        "'CSVDelimiter' must be one of COMMA, PIPE, SEMICOLON, SPACE, TAB.",
                    );
                }
            }
            "ManifestType" => {
                if !matches!(v.as_str(), Some("ATHENA_DATA" | "S3_INVENTORY")) {
                    cx.error(
                        Code::InvalidFieldValue,
                        here,
                        "'ManifestType' must be ATHENA_DATA or S3_INVENTORY.",
                    );
                }
            }
            "MaxItems" => {
                if expression {
                    jsonata::check_value(v, &here, jsonata::Scope::State, cx);
                } else if v.as_u64().is_none_or(|n| n > 100_000_000) {
                    cx.error(
                        Code::InvalidFieldValue,
                        here,
                        "'MaxItems' must be a whole number from 0 to 100,000,000.",
                    );
                }
            }
            "MaxItemsPath" if ql == Ql::JsonPath => {
                paths::check_path_field(v, &here, key, paths::PathKind::Reference, cx);
            }
            _ => {
                // AWS keeps adding reader options (new input types bring new fields), so an
                // unknown one is a warning: likely a typo, possibly newer than this list.
                cx.warning(
                    Code::Lint,
                    &cp,
                    format!("'{key}' is not a ReaderConfig field Statewright knows; check its spelling."),
                )
                .hint = Some("Known fields: InputType, CSVHeaderLocation, CSVHeaders, CSVDelimiter, ManifestType, MaxItems, MaxItemsPath.".into());
            }
        }
    }
}

fn check_item_batcher(value: &Value, ptr: &str, ql: Ql, cx: &mut Ctx<'_>) {
    let Some(obj) = value.as_object() else {
        cx.error(
            Code::InvalidFieldValue,
            ptr,
            format!("'ItemBatcher' must be an object, not {}.", kind(value)),
        );
        return;
    };
    for (a, b) in [
        ("MaxItemsPerBatch", "MaxItemsPerBatchPath"),
        ("MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"),
    ] {
        if obj.contains_key(a) && obj.contains_key(b) {
            cx.error(
                Code::SchemaValidationFailed,
                ptr,
                format!("The ItemBatcher may have only one of '{a}' and '{b}'."),
            );
        }
    }
    for (key, v) in obj {
        let here = at(ptr, key);
        let expression = ql == Ql::Jsonata && jsonata::is_expression(v);
        match key.as_str() {
            "MaxItemsPerBatch" | "MaxInputBytesPerBatch" => {
                if expression {
                    jsonata::check_value(v, &here, jsonata::Scope::State, cx);
                } else if v.as_u64().is_none_or(|n| n < 1) {
                    cx.error(
                        Code::InvalidFieldValue,
                        here,
                        format!("'{key}' must be a whole number of at least 1."),
                    );
                }
            }
            "MaxItemsPerBatchPath" | "MaxInputBytesPerBatchPath" if ql == Ql::JsonPath => {
                paths::check_path_field(v, &here, key, paths::PathKind::Reference, cx);
            }
            "MaxItemsPerBatchPath" | "MaxInputBytesPerBatchPath" => {
                let field = key.trim_end_matches("Path");
                cx.error(
                    Code::FieldNotAllowed,
                    ptr,
                    format!("'{key}' is for JSONPath states; this state uses JSONata."),
                )
                .hint = Some(format!(
                    "Read the value with an expression instead: \"{field}\": \"{{% $states.input.limit %}}\"."
                ));
            }
            "BatchInput" => match ql {
                Ql::JsonPath => payload::check_template_field(v, &here, key, cx),
                Ql::Jsonata => jsonata::check_value(v, &here, jsonata::Scope::State, cx),
            },
            _ => {
                cx.error(
                    Code::FieldNotAllowed,
                    ptr,
                    format!("Field '{key}' is not supported in an ItemBatcher."),
                );
            }
        }
    }
}

fn check_result_writer(value: &Value, ptr: &str, ql: Ql, cx: &mut Ctx<'_>) {
    let Some(obj) = value.as_object() else {
        cx.error(
            Code::InvalidFieldValue,
            ptr,
            format!("'ResultWriter' must be an object, not {}.", kind(value)),
        );
        return;
    };
    for key in obj.keys() {
        if !matches!(key.as_str(), "Resource" | "Parameters" | "Arguments" | "WriterConfig") {
            cx.error(
                Code::FieldNotAllowed,
                ptr,
                format!("Field '{key}' is not supported in a ResultWriter."),
            );
        }
    }
    let args_key = match ql {
        Ql::JsonPath => "Parameters",
        Ql::Jsonata => "Arguments",
    };
    match obj.get("Resource") {
        None if !obj.contains_key("WriterConfig") => {
            cx.error(Code::MissingField, ptr, "The ResultWriter needs a 'Resource' (where to write the results) or a 'WriterConfig'.");
        }
        None => {}
        Some(r) => {
            if r.as_str() != Some("arn:aws:states:::s3:putObject") {
                cx.error(
                    Code::InvalidResource,
                    at(ptr, "Resource"),
                    "The ResultWriter resource must be arn:aws:states:::s3:putObject.",
                );
            }
            if !obj.contains_key(args_key) {
                cx.error(Code::MissingField, ptr, format!("The ResultWriter writes to S3 and needs '{args_key}' with the Bucket and Prefix."));
            }
        }
    }
    check_arguments(obj, ptr, "the ResultWriter", ql, cx);
    if ql == Ql::JsonPath
        && let Some(params) = obj.get("Parameters").and_then(Value::as_object)
    {
        for key in ["Bucket", "Prefix"] {
            if let Some(v) = params.get(key)
                && !v.is_string()
            {
                cx.error(
                    Code::InvalidFieldValue,
                    at(&at(ptr, "Parameters"), key),
                    format!("'{key}' must be text, not {}.", kind(v)),
                );
            }
        }
    }
    if let Some(config) = obj.get("WriterConfig") {
        let cp = at(ptr, "WriterConfig");
        let Some(config) = config.as_object() else {
            cx.error(Code::InvalidFieldValue, cp, "'WriterConfig' must be an object.");
            return;
        };
        let fields: [(&str, &[&str]); 2] = [
            ("Transformation", &["NONE", "COMPACT", "FLATTEN"]),
            ("OutputType", &["JSON", "JSONL"]),
        ];
        for (key, allowed) in fields {
            match config.get(key) {
                None if key == "Transformation" => {}
                None => {
                    cx.error(
                        Code::MissingField,
                        &cp,
                        format!("The WriterConfig needs '{key}' ({}).", allowed.join(", ")),
                    );
                }
                Some(v) if !v.as_str().is_some_and(|s| allowed.contains(&s)) => {
                    cx.error(
                        Code::InvalidFieldValue,
                        &cp,
                        format!("'{key}' must be one of {}.", allowed.join(", ")),
                    );
                }
                Some(_) => {}
            }
        }
        for key in config.keys() {
            if !matches!(key.as_str(), "Transformation" | "OutputType") {
                cx.error(
                    Code::FieldNotAllowed,
                    &cp,
                    format!("Field '{key}' is not supported in a WriterConfig."),
                );
            }
        }
    }
}
