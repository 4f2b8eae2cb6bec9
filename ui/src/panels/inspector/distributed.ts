// A Distributed Map's S3 settings as ASL writes them: where the items come from (ItemReader: a
// file in S3 read with s3:getObject, as CSV, JSON or JSON Lines), where the results go
// (ResultWriter: s3:putObject to a bucket and prefix), and how items are batched (ItemBatcher).
// Starting values, the format change, and plain-words checks of bucket names, keys and batch
// limits. Pure (tested in distributed.test.ts).
import type { FieldEdit } from '../../ipc/bindings';
import { fieldEdit } from './context';
import type { Language } from './language';

export const S3_GET_OBJECT = 'arn:aws:states:::s3:getObject';
export const S3_PUT_OBJECT = 'arn:aws:states:::s3:putObject';
/** Step Functions' limit on one batch's input: 256 KiB. */
export const MAX_BATCH_BYTES = 262144;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The member holding the S3 request: `Arguments` in JSONata, `Parameters` in JSONPath. */
export function requestField(language: Language): 'Arguments' | 'Parameters' {
  return language === 'JSONata' ? 'Arguments' : 'Parameters';
}

/** What an ItemReader is: none (the items are in the input), one S3 file, or something the form does not edit. */
export function readerKind(reader: unknown): 'input' | 's3file' | 'other' {
  if (reader === undefined) return 'input';
  return isObj(reader) && reader.Resource === S3_GET_OBJECT ? 's3file' : 'other';
}

/** A new ItemReader reading a JSON file from S3 (the bucket and key to be filled in). */
export function newS3Reader(language: Language): Obj {
  return {
    Resource: S3_GET_OBJECT,
    ReaderConfig: { InputType: 'JSON' },
    [requestField(language)]: { Bucket: 'my-bucket', Key: 'items.json' },
  };
}

/** A new ResultWriter writing the results under a prefix of a bucket. */
export function newResultWriter(language: Language): Obj {
  return { Resource: S3_PUT_OBJECT, [requestField(language)]: { Bucket: 'my-bucket', Prefix: 'results' } };
}

export const FORMATS = [
  { value: 'JSON', label: 'JSON (one array of items)' },
  { value: 'JSONL', label: 'JSON Lines (one item per line)' },
  { value: 'CSV', label: 'CSV (first row: column names)' },
];

/** The file format read: `ReaderConfig.InputType` (empty when not set). */
export function readerFormat(reader: unknown): string {
  const config = isObj(reader) ? reader.ReaderConfig : undefined;
  return isObj(config) && typeof config.InputType === 'string' ? config.InputType : '';
}

/**
 * The edits that read the file as `format`. CSV needs to know where the column names are:
 * the first row, unless the state already lists them; other formats have no columns, so the
 * CSV settings are removed with the change.
 */
export function formatEdits(pointer: string, reader: unknown, format: string): FieldEdit[] {
  const config = isObj(reader) && isObj(reader.ReaderConfig) ? reader.ReaderConfig : undefined;
  if (!config) return [fieldEdit(pointer, 'ItemReader/ReaderConfig', format === 'CSV' ? { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' } : { InputType: format })];
  const edits = [fieldEdit(pointer, 'ItemReader/ReaderConfig/InputType', format)];
  if (format === 'CSV') {
    if (config.CSVHeaderLocation === undefined) edits.push(fieldEdit(pointer, 'ItemReader/ReaderConfig/CSVHeaderLocation', 'FIRST_ROW'));
  } else {
    for (const k of ['CSVHeaderLocation', 'CSVHeaders', 'CSVDelimiter'])
      if (config[k] !== undefined) edits.push(fieldEdit(pointer, `ItemReader/ReaderConfig/${k}`, undefined));
  }
  return edits;
}

/** An S3 bucket name, by AWS's rules, in plain words. */
export function checkBucket(text: string): string | null {
  const t = text;
  if (t.trim() === '') return 'Type the bucket name, like my-orders-bucket.';
  if (/^s3:\/\//i.test(t) || t.includes('/')) return 'Type only the bucket name, without s3:// or a folder, like my-orders-bucket.';
  if (t.length < 3 || t.length > 63) return 'A bucket name is 3 to 63 characters long.';
  if (/[A-Z]/.test(t)) return 'A bucket name has no capital letters.';
  if (!/^[a-z0-9.-]+$/.test(t)) return 'A bucket name has only lowercase letters, digits, dots (.) and hyphens (-).';
  if (!/^[a-z0-9].*[a-z0-9]$/.test(t)) return 'A bucket name starts and ends with a letter or a digit.';
  if (t.includes('..')) return 'A bucket name has no two dots in a row.';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(t)) return 'A bucket name cannot look like an IP address.';
  return null;
}

/** An object key or prefix in a bucket: `what` names it in the message ("file", "folder"). */
export function checkKey(text: string, what: 'file' | 'folder'): string | null {
  if (what === 'file' && text.trim() === '') return 'Type the file’s key in the bucket, like orders/today.json.';
  if (/^s3:\/\//i.test(text)) return `Type only the ${what} inside the bucket, without s3:// and the bucket name.`;
  if (text.startsWith('/')) return `The ${what} is written without a leading /, like ${what === 'file' ? 'orders/today.json' : 'results/orders'}.`;
  if (new TextEncoder().encode(text).length > 1024) return `The ${what} name is too long: S3 allows 1024 bytes.`;
  return null;
}
