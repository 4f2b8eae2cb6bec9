// The inspector's field controls. Each one keeps what is typed as a draft, checks it as it is
// typed (the local check, then the core's JSONata parser for `{% %}` text), shows the
// validator's problems about its field underneath, and writes the value on Enter or when it
// loses focus, only when the draft differs from the file and no check has found a problem. Every control is named
// by its visible label.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { ipc } from '../../ipc/client';
import { checkPath, expressionsIn, isExpression, jsonText, readJson, readNumber } from './checks';
import { clearEdit, fieldEdit, fieldPointer, problemsAt, useForm } from './context';
import { useDraft } from './draft';

/** The value of `field` (a `/` path) in the state. */
export function valueAt(state: unknown, field: string): unknown {
  let node = state;
  for (const t of field.split('/')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[t];
  }
  return node;
}

interface ShellProps {
  label: string;
  /** Said after the label to tell repeated fields apart (`Retry 2`). */
  scope?: string;
  hint?: string;
  error: string | null;
  field: string;
  wide?: boolean;
  children: (a11y: { id: string; 'aria-label'?: string; 'aria-invalid': boolean; 'aria-describedby': string }) => ReactNode;
}

/** Label, control, hint, and the field's own and the validator's problems under it. */
export function FieldShell({ label, scope, hint, error, field, wide, children }: ShellProps) {
  const { pointer, problems } = useForm();
  const id = useId();
  const found = problemsAt(problems, fieldPointer(pointer, field));
  const describedBy = `${id}-note`;
  return (
    <div className={`field${wide ? ' wide' : ''}${error || found.length > 0 ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-label': scope ? `${label}, ${scope}` : undefined,
        'aria-invalid': error !== null,
        'aria-describedby': describedBy,
      })}
      <div id={describedBy} className="field-notes">
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {found.map((p, i) => (
          <p key={i} className={`field-problem ${p.severity}`}>
            {p.message}
          </p>
        ))}
        {hint && !error && <p className="field-hint">{hint}</p>}
      </div>
    </div>
  );
}

/** The core's JSONata parser on every `{% %}` string, as typed (debounced). */
export function useJsonataCheck(expressions: string[]): string | null {
  const [found, setFound] = useState<{ key: string; message: string | null }>({ key: '', message: null });
  const key = expressions.join('\u0000');
  useEffect(() => {
    if (expressions.length === 0) return;
    let live = true;
    const timer = window.setTimeout(() => {
      void Promise.all(expressions.map((e) => ipc.checkJsonata(e).catch(() => null))).then((answers) => {
        if (!live) return;
        const i = answers.findIndex((a) => a !== null);
        const a = i >= 0 ? answers[i] : null;
        setFound({
          key,
          message: a ? `JSONata problem in ${quote(expressions[i])} at character ${a.offset + 1}: ${a.message}` : null,
        });
      });
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // `key` stands for the expressions' content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return expressions.length > 0 && found.key === key ? found.message : null;
}

function quote(expression: string): string {
  return expression.length > 40 ? `${expression.slice(0, 37)}…` : expression;
}

interface TextProps {
  field: string;
  label: string;
  scope?: string;
  hint?: string;
  placeholder?: string;
  /** A local check of the text, as typed. */
  check?: (text: string) => string | null;
  /** `<datalist>` id for suggestions. */
  list?: string;
  /** Written when the box is emptied (default: the field is removed). */
  emptyValue?: unknown;
  /** Whether `{% %}` text is allowed (and checked by the JSONata parser). */
  expression?: boolean;
  required?: boolean;
}

/** A one-line text field (a string value). */
export function TextField(props: TextProps) {
  const { state } = useForm();
  const value = valueAt(state, props.field);
  return <TextFieldDraft {...props} value={typeof value === 'string' ? value : ''} source={JSON.stringify(value) ?? ''} />;
}

function TextFieldDraft(props: TextProps & { value: string; source: string }) {
  const { pointer, state, write } = useForm();
  const [draft, setDraft] = useDraft(props.value, props.source);
  const isExpr = props.expression === true && isExpression(draft);
  const jsonata = useJsonataCheck(isExpr ? [draft] : []);
  const local =
    props.required && draft.trim() === '' ? 'This cannot be empty.' : isExpr ? null : (props.check?.(draft) ?? null);
  const error = local ?? jsonata;
  const commit = () => {
    if (error !== null || draft === props.value) return;
    const value = draft === '' ? props.emptyValue : draft;
    write([value === undefined ? clearEdit(pointer, state, props.field) : fieldEdit(pointer, props.field, value)]);
  };
  return (
    <FieldShell label={props.label} scope={props.scope} hint={props.hint} error={error} field={props.field}>
      {(a11y) => (
        <input
          {...a11y}
          value={draft}
          list={props.list}
          placeholder={props.placeholder}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
      )}
    </FieldShell>
  );
}

/** A path field (`$.order.id`), with suggestions from the sample input. */
export function PathField(props: Omit<TextProps, 'check' | 'list'>) {
  const { pathList } = useForm();
  return <TextField {...props} check={checkPath} list={pathList} />;
}

interface NumberProps {
  field: string;
  label: string;
  scope?: string;
  hint?: string;
  placeholder?: string;
  integer?: boolean;
  min?: number;
  max?: number;
  /** Whether a `{% %}` expression may stand for the number (JSONata states). */
  expression?: boolean;
}

/** A number field; empty removes the field. */
export function NumberField(props: NumberProps) {
  const { state } = useForm();
  const value = valueAt(state, props.field);
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  return <NumberFieldDraft {...props} text={text} source={JSON.stringify(value) ?? ''} />;
}

function NumberFieldDraft(props: NumberProps & { text: string; source: string }) {
  const { pointer, state, write } = useForm();
  const [draft, setDraft] = useDraft(props.text, props.source);
  const isExpr = props.expression === true && isExpression(draft.trim());
  const jsonata = useJsonataCheck(isExpr ? [draft.trim()] : []);
  const read = isExpr ? { value: null, error: null } : readNumber(draft, props);
  const error = read.error ?? jsonata;
  const commit = () => {
    if (error !== null || draft === props.text) return;
    const value = isExpr ? draft.trim() : (read.value ?? undefined);
    write([value === undefined ? clearEdit(pointer, state, props.field) : fieldEdit(pointer, props.field, value)]);
  };
  return (
    <FieldShell label={props.label} scope={props.scope} hint={props.hint} error={error} field={props.field}>
      {(a11y) => (
        <input
          {...a11y}
          value={draft}
          inputMode={props.expression ? 'text' : 'decimal'}
          placeholder={props.placeholder}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
      )}
    </FieldShell>
  );
}

interface JsonProps {
  field: string;
  label: string;
  scope?: string;
  hint?: string;
  rows?: number;
  /** A check of the value read (once the text is valid JSON). */
  check?: (value: unknown) => string | null;
}

/** A JSON text box for advanced fields (Parameters, Arguments, Output, Assign...). */
export function JsonField(props: JsonProps) {
  const { state } = useForm();
  const value = valueAt(state, props.field);
  return <JsonFieldDraft {...props} value={value} />;
}

function JsonFieldDraft(props: JsonProps & { value: unknown }) {
  const { pointer, language, write } = useForm();
  const start = jsonText(props.value);
  const [draft, setDraft] = useDraft(start, JSON.stringify(props.value) ?? '');
  const read = readJson(draft);
  // `{% %}` is JSONata only in JSONata states; elsewhere it is plain text.
  const expressions = read.kind === 'value' && language === 'JSONata' ? expressionsIn(read.value).map((e) => e.text) : [];
  const jsonata = useJsonataCheck(expressions);
  const error = read.kind === 'error' ? read.message : ((read.kind === 'value' ? props.check?.(read.value) : null) ?? jsonata);
  const commit = () => {
    if (error !== null || draft === start) return;
    write([fieldEdit(pointer, props.field, read.kind === 'value' ? read.value : undefined)]);
  };
  const lines = Math.min(12, Math.max(props.rows ?? 2, draft.split('\n').length));
  return (
    <FieldShell label={props.label} scope={props.scope} hint={props.hint} error={error} field={props.field} wide>
      {(a11y) => (
        <textarea
          {...a11y}
          className="json"
          rows={lines}
          value={draft}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
        />
      )}
    </FieldShell>
  );
}

interface SelectProps {
  field: string;
  label: string;
  scope?: string;
  hint?: string;
  options: { value: string; label: string }[];
  /** The option meaning "not set" (removes the field). */
  unset?: string;
}

/** A choice among fixed values, written at once. */
export function SelectField({ field, label, scope, hint, options, unset }: SelectProps) {
  const { state, pointer, write } = useForm();
  const value = valueAt(state, field);
  const current = typeof value === 'string' ? value : '';
  const known = options.some((o) => o.value === current);
  return (
    <FieldShell label={label} scope={scope} hint={hint} error={null} field={field}>
      {(a11y) => (
        <select
          {...a11y}
          value={current}
          onChange={(e) => write([e.target.value === '' ? clearEdit(pointer, state, field) : fieldEdit(pointer, field, e.target.value)])}
        >
          {unset !== undefined && <option value="">{unset}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {!known && current !== '' && <option value={current}>{current}</option>}
        </select>
      )}
    </FieldShell>
  );
}

/** A titled group of fields that can be folded away. */
export function Section({ title, children, open = true }: { title: string; children: ReactNode; open?: boolean }) {
  return (
    <details className="inspector-section" open={open}>
      <summary>{title}</summary>
      <div className="inspector-grid">{children}</div>
    </details>
  );
}
