// A Distributed Map's S3 settings: where the items are read from (the input, or a file in S3
// with its format), where the results are written (a bucket and prefix), and batching. Each
// field writes only its own member; choosing a source or a writer writes a complete starting
// object (see distributed.ts). A reader the form does not edit (a bucket listing, a manifest)
// is left as it is and edited in the JSON pane.
import { clearEdit, fieldEdit, useForm } from './context';
import { FieldShell, NumberField, PathField, Section, TextField, valueAt } from './fields';
import {
  FORMATS,
  MAX_BATCH_BYTES,
  checkBucket,
  checkKey,
  formatEdits,
  newResultWriter,
  newS3Reader,
  readerFormat,
  readerKind,
  requestField,
} from './distributed';

export function DistributedFields() {
  const { state, pointer, language, write } = useForm();
  const jsonata = language === 'JSONata';
  const reader = state.ItemReader;
  const kind = readerKind(reader);
  const readerRequest = `ItemReader/${requestField(language)}`;
  const writer = state.ResultWriter;
  const writerRequest = `ResultWriter/${requestField(language)}`;
  return (
    <>
      <Section title="Where the items come from">
        <FieldShell label="Read the items from" field="ItemReader" error={null}>
          {(a11y) => (
            <select
              {...a11y}
              value={kind}
              onChange={(e) => write([fieldEdit(pointer, 'ItemReader', e.target.value === 's3file' ? newS3Reader(language) : undefined)])}
            >
              <option value="input">The step’s input (the items field above)</option>
              <option value="s3file">A file in S3</option>
              {kind === 'other' && <option value="other">Another S3 source (edit it in the JSON)</option>}
            </select>
          )}
        </FieldShell>
        {kind === 's3file' && (
          <>
            <S3Part base={readerRequest} name="Bucket" label="Bucket" check={checkBucket} hint="The bucket holding the file, like my-orders-bucket." />
            <S3Part base={readerRequest} name="Key" label="File (key)" check={(t) => checkKey(t, 'file')} hint="The file’s key in the bucket, like orders/today.json." />
            <FieldShell label="File format" field="ItemReader/ReaderConfig/InputType" error={readerFormat(reader) === '' ? 'Choose the file’s format.' : null}>
              {(a11y) => (
                <select {...a11y} value={readerFormat(reader)} onChange={(e) => write(formatEdits(pointer, reader, e.target.value))}>
                  {readerFormat(reader) === '' && <option value="">Choose a format</option>}
                  {FORMATS.map((f) => (
                    <option key={f.value} value={f.value}>
                      {f.label}
                    </option>
                  ))}
                  {readerFormat(reader) !== '' && !FORMATS.some((f) => f.value === readerFormat(reader)) && (
                    <option value={readerFormat(reader)}>{readerFormat(reader)}</option>
                  )}
                </select>
              )}
            </FieldShell>
            <NumberField
              field="ItemReader/ReaderConfig/MaxItems"
              label="Read at most (items)"
              integer
              min={1}
              max={100000000}
              expression={jsonata}
              hint="Stop after this many items of the file (empty: all of them)."
            />
          </>
        )}
      </Section>
      <Section title="Batches and results">
        <NumberField
          field="ItemBatcher/MaxItemsPerBatch"
          label="Items per batch (at most)"
          integer
          min={1}
          expression={jsonata}
          hint="Send items to each child workflow in groups of up to this many (empty: one item each)."
        />
        <NumberField
          field="ItemBatcher/MaxInputBytesPerBatch"
          label="Bytes per batch (at most)"
          integer
          min={1}
          max={MAX_BATCH_BYTES}
          expression={jsonata}
          hint={`The size limit of one group, up to ${MAX_BATCH_BYTES} (256 KiB).`}
        />
        <FieldShell label="Write the results to" field="ResultWriter" error={null}>
          {(a11y) => (
            <select
              {...a11y}
              value={writer === undefined ? '' : 's3'}
              onChange={(e) => write([e.target.value === 's3' ? fieldEdit(pointer, 'ResultWriter', newResultWriter(language)) : clearEdit(pointer, state, 'ResultWriter')])}
            >
              <option value="">This step’s output (the default)</option>
              <option value="s3">Files in S3</option>
            </select>
          )}
        </FieldShell>
        {writer !== undefined && (
          <>
            <S3Part base={writerRequest} name="Bucket" label="Results bucket" check={checkBucket} hint="The bucket the results are written to." />
            <S3Part
              base={writerRequest}
              name="Prefix"
              label="Results folder (prefix)"
              check={(t) => checkKey(t, 'folder')}
              optional
              hint="Where in the bucket, like results/orders (empty: the top)."
            />
          </>
        )}
      </Section>
    </>
  );
}

/** One member of an S3 request: typed here, or (JSONPath, `Name.$`) read from a field of the input. */
function S3Part({ base, name, label, check, hint, optional }: { base: string; name: string; label: string; check: (t: string) => string | null; hint: string; optional?: boolean }) {
  const { state, language } = useForm();
  if (language === 'JSONPath' && valueAt(state, `${base}/${name}.$`) !== undefined)
    return <PathField field={`${base}/${name}.$`} label={`${label} field`} required hint={`The input field holding the ${label.toLowerCase()}.`} />;
  return <TextField field={`${base}/${name}`} label={label} check={check} required={!optional} emptyValue={optional ? '' : undefined} expression={language === 'JSONata'} hint={hint} />;
}
