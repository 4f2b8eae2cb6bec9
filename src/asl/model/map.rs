//! The Map state: inline and distributed processing, item sources, batching and result writing.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Machine;
use super::field::{Count, Extra, Field, FromJson, Members, spelled_enum};
use super::rules::{Catcher, Retrier};

spelled_enum!(
    /// `ProcessorConfig.Mode`.
    ProcessorMode { Inline = "INLINE", Distributed = "DISTRIBUTED" }
);

spelled_enum!(
    /// `ProcessorConfig.ExecutionType` (distributed Map child workflows).
    ExecutionType { Standard = "STANDARD", Express = "EXPRESS" }
);

/// `ItemProcessor.ProcessorConfig`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcessorConfig {
    pub pointer: String,
    pub mode: Option<Field<ProcessorMode>>,
    pub execution_type: Option<Field<ExecutionType>>,
    pub extra: Extra,
}

impl FromJson for ProcessorConfig {
    fn from_json(value: &Value, at: &str) -> Option<Self> {
        value.as_object()?;
        let mut m = Members::new(value, at);
        Some(ProcessorConfig {
            pointer: at.to_string(),
            mode: m.field("Mode"),
            execution_type: m.field("ExecutionType"),
            extra: m.extra(),
        })
    }
}

/// `ItemReader`: where a distributed Map reads its items (S3 objects, CSV, JSON, manifests).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemReader {
    pub pointer: String,
    pub resource: Option<Field<String>>,
    pub reader_config: Option<Field<ReaderConfig>>,
    pub parameters: Option<Value>,
    pub arguments: Option<Value>,
    pub extra: Extra,
}

impl FromJson for ItemReader {
    fn from_json(value: &Value, at: &str) -> Option<Self> {
        value.as_object()?;
        let mut m = Members::new(value, at);
        Some(ItemReader {
            pointer: at.to_string(),
            resource: m.field("Resource"),
            reader_config: m.field("ReaderConfig"),
            parameters: m.value("Parameters"),
            arguments: m.value("Arguments"),
            extra: m.extra(),
        })
    }
}

/// `ItemReader.ReaderConfig`: how the read objects are split into items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReaderConfig {
    pub pointer: String,
    /// `CSV`, `JSON`, `JSONL`, `MANIFEST`, `PARQUET`.
    pub input_type: Option<Field<String>>,
    pub csv_header_location: Option<Field<String>>,
    pub csv_headers: Option<Field<Vec<String>>>,
    pub csv_delimiter: Option<Field<String>>,
    pub manifest_type: Option<Field<String>>,
    pub max_items: Option<Field<Count>>,
    pub max_items_path: Option<Field<String>>,
    pub extra: Extra,
}

impl FromJson for ReaderConfig {
    fn from_json(value: &Value, at: &str) -> Option<Self> {
        value.as_object()?;
        let mut m = Members::new(value, at);
        Some(ReaderConfig {
            pointer: at.to_string(),
            input_type: m.field("InputType"),
            csv_header_location: m.field("CSVHeaderLocation"),
            csv_headers: m.field("CSVHeaders"),
            csv_delimiter: m.field("CSVDelimiter"),
            manifest_type: m.field("ManifestType"),
            max_items: m.field("MaxItems"),
            max_items_path: m.field("MaxItemsPath"),
            extra: m.extra(),
        })
    }
}

/// `ResultWriter.WriterConfig`: the shape of the written results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WriterConfig {
    pub pointer: String,
    /// `JSON` or `JSONL`.
    pub output_type: Option<Field<String>>,
    /// `NONE`, `COMPACT` or `FLATTEN`.
    pub transformation: Option<Field<String>>,
    pub extra: Extra,
}

impl FromJson for WriterConfig {
    fn from_json(value: &Value, at: &str) -> Option<Self> {
        value.as_object()?;
        let mut m = Members::new(value, at);
        Some(WriterConfig {
            pointer: at.to_string(),
            output_type: m.field("OutputType"),
            transformation: m.field("Transformation"),
            extra: m.extra(),
        })
    }
}

/// `ItemBatcher`: groups items into batches for each child.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemBatcher {
    pub pointer: String,
    pub max_items_per_batch: Option<Field<Count>>,
    pub max_items_per_batch_path: Option<Field<String>>,
    pub max_input_bytes_per_batch: Option<Field<Count>>,
    pub max_input_bytes_per_batch_path: Option<Field<String>>,
    pub batch_input: Option<Value>,
    pub extra: Extra,
}

impl FromJson for ItemBatcher {
    fn from_json(value: &Value, at: &str) -> Option<Self> {
        value.as_object()?;
        let mut m = Members::new(value, at);
        Some(ItemBatcher {
            pointer: at.to_string(),
            max_items_per_batch: m.field("MaxItemsPerBatch"),
            max_items_per_batch_path: m.field("MaxItemsPerBatchPath"),
            max_input_bytes_per_batch: m.field("MaxInputBytesPerBatch"),
            max_input_bytes_per_batch_path: m.field("MaxInputBytesPerBatchPath"),
            batch_input: m.value("BatchInput"),
            extra: m.extra(),
        })
    }
}

/// `ResultWriter`: where a distributed Map writes its results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultWriter {
    pub pointer: String,
    pub resource: Option<Field<String>>,
    pub parameters: Option<Value>,
    pub arguments: Option<Value>,
    pub writer_config: Option<Field<WriterConfig>>,
    pub extra: Extra,
}

impl FromJson for ResultWriter {
    fn from_json(value: &Value, at: &str) -> Option<Self> {
        value.as_object()?;
        let mut m = Members::new(value, at);
        Some(ResultWriter {
            pointer: at.to_string(),
            resource: m.field("Resource"),
            parameters: m.value("Parameters"),
            arguments: m.value("Arguments"),
            writer_config: m.field("WriterConfig"),
            extra: m.extra(),
        })
    }
}

/// The fields only a Map state has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapState {
    /// The current form; its `processor_config` says INLINE or DISTRIBUTED.
    pub item_processor: Option<Field<Machine>>,
    /// The legacy form (`Iterator`), still accepted by AWS.
    pub iterator: Option<Field<Machine>>,
    pub items_path: Option<Field<Option<String>>>,
    /// JSONata: `Items` (an array or a `{% %}` expression).
    pub items: Option<Value>,
    pub item_selector: Option<Value>,
    pub item_reader: Option<Field<ItemReader>>,
    pub item_batcher: Option<Field<ItemBatcher>>,
    pub result_writer: Option<Field<ResultWriter>>,
    pub max_concurrency: Option<Field<Count>>,
    pub max_concurrency_path: Option<Field<String>>,
    pub tolerated_failure_percentage: Option<Field<Count>>,
    pub tolerated_failure_percentage_path: Option<Field<String>>,
    pub tolerated_failure_count: Option<Field<Count>>,
    pub tolerated_failure_count_path: Option<Field<String>>,
    pub label: Option<Field<String>>,
    pub retry: Option<Field<Vec<Field<Retrier>>>>,
    pub catch: Option<Field<Vec<Field<Catcher>>>>,
}

impl MapState {
    pub(super) fn read(m: &mut Members<'_>) -> MapState {
        MapState {
            item_processor: m.field("ItemProcessor"),
            iterator: m.field("Iterator"),
            items_path: m.field("ItemsPath"),
            items: m.value("Items"),
            item_selector: m.value("ItemSelector"),
            item_reader: m.field("ItemReader"),
            item_batcher: m.field("ItemBatcher"),
            result_writer: m.field("ResultWriter"),
            max_concurrency: m.field("MaxConcurrency"),
            max_concurrency_path: m.field("MaxConcurrencyPath"),
            tolerated_failure_percentage: m.field("ToleratedFailurePercentage"),
            tolerated_failure_percentage_path: m.field("ToleratedFailurePercentagePath"),
            tolerated_failure_count: m.field("ToleratedFailureCount"),
            tolerated_failure_count_path: m.field("ToleratedFailureCountPath"),
            label: m.field("Label"),
            retry: m.field("Retry"),
            catch: m.field("Catch"),
        }
    }

    /// The processor, whichever form the file uses.
    pub fn processor(&self) -> Option<&Machine> {
        self.item_processor.as_ref().or(self.iterator.as_ref()).and_then(Field::ok)
    }
}
