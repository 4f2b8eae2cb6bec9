// The code pane's JSONata highlighting: every JSON string value of the form "{% ... %}" gets a
// tinted background, its {% %} delimiters dimmed, and the expression coloured by token
// (operators, functions, $states, variables, strings, numbers, keywords, comments, regexes).
// Only the visible part of the document is scanned, on each change of text, view or syntax tree.
import { syntaxTree } from '@codemirror/language';
import { type Range } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view';
import { decode, isExpression } from './jsonString';
import { tokenize } from './jsonataTokens';

const mark = (cls: string) => Decoration.mark({ class: cls });
const WHOLE = mark('cm-jsonata');
const DELIM = mark('cm-jsonata-delim');
const TOKEN = new Map<string, Decoration>();
const tokenMark = (type: string) => {
  let m = TOKEN.get(type);
  if (!m) TOKEN.set(type, (m = mark(`cm-jsonata-${type}`)));
  return m;
};

/** The decorations for one JSON string literal starting at `from` (none when not an expression). */
export function expressionMarks(literal: string, from: number): Range<Decoration>[] {
  const { value, at } = decode(literal);
  if (!isExpression(value)) return [];
  const out: Range<Decoration>[] = [WHOLE.range(from, from + literal.length)];
  const body = value.slice(2, -2);
  const raw = (k: number) => from + at[k];
  out.push(DELIM.range(raw(0), raw(2)), DELIM.range(raw(value.length - 2), raw(value.length)));
  for (const t of tokenize(body)) {
    const a = raw(2 + t.from);
    const b = raw(2 + t.to);
    if (b > a) out.push(tokenMark(t.type).range(a, b));
  }
  return out;
}

function build(view: EditorView): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  const tree = syntaxTree(view.state);
  for (const { from, to } of view.visibleRanges) {
    tree.iterate({
      from,
      to,
      enter: (node) => {
        if (node.name !== 'String') return;
        // Strings past 20,000 characters are not coloured (a pasted blob, not an expression).
        if (node.to - node.from > 20000) return false;
        ranges.push(...expressionMarks(view.state.doc.sliceString(node.from, node.to), node.from));
        return false;
      },
    });
  }
  return Decoration.set(ranges, true);
}

export const jsonataHighlight = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = build(view);
    }
    update(u: ViewUpdate) {
      if (u.docChanged || u.viewportChanged || syntaxTree(u.startState) !== syntaxTree(u.state)) this.decorations = build(u.view);
    }
  },
  { decorations: (p) => p.decorations },
);

/** Colours that read on white and differ from the JSON colours around them. */
export const jsonataTheme = EditorView.baseTheme({
  '.cm-jsonata': { backgroundColor: '#f3eefc', borderRadius: '3px' },
  '.cm-jsonata, .cm-jsonata span': { color: '#2d2a36' },
  '.cm-jsonata-delim, .cm-jsonata .cm-jsonata-delim span': { color: '#8a7aa8', fontWeight: 'bold' },
  '.cm-jsonata-operator, .cm-jsonata .cm-jsonata-operator span': { color: '#b5338a' },
  '.cm-jsonata-function, .cm-jsonata .cm-jsonata-function span': { color: '#1f5fbf', fontWeight: 'bold' },
  '.cm-jsonata-states, .cm-jsonata .cm-jsonata-states span': { color: '#6a1fb0', fontWeight: 'bold' },
  '.cm-jsonata-variable, .cm-jsonata .cm-jsonata-variable span': { color: '#7a4fd0' },
  '.cm-jsonata-string, .cm-jsonata .cm-jsonata-string span': { color: '#a4461a' },
  '.cm-jsonata-number, .cm-jsonata .cm-jsonata-number span': { color: '#0f7a5a' },
  '.cm-jsonata-keyword, .cm-jsonata .cm-jsonata-keyword span': { color: '#9c2f8c', fontStyle: 'italic' },
  '.cm-jsonata-comment, .cm-jsonata .cm-jsonata-comment span': { color: '#6b7585', fontStyle: 'italic' },
  '.cm-jsonata-regex, .cm-jsonata .cm-jsonata-regex span': { color: '#a4461a' },
  '.cm-jsonata-error, .cm-jsonata .cm-jsonata-error span': { color: '#c4302b', textDecoration: 'underline wavy' },
});
