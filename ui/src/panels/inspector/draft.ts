// The text of an inspector control while it is being typed. It starts as the file's value and
// starts over whenever the file's value changes (a commit, an edit in the ASL JSON pane, undo),
// without remounting the control: the control keeps the keyboard focus after Enter, and WebKit,
// which repaints the whole window when a focused control is removed from the page, repaints only
// the field (on a 200-state diagram, that whole-window repaint was most of an edit's frame).
import { useState } from 'react';

export interface Draft {
  /** The file's value the draft started from (its identity: JSON text, not the shown text). */
  source: string;
  text: string;
}

/** The draft after a render where the file's value is `source` (shown as `shown`). */
export function followSource(draft: Draft, source: string, shown: string): Draft {
  return draft.source === source ? draft : { source, text: shown };
}

/**
 * `[text, setText]` for a control showing `shown`, the file's value whose identity is `source`
 * (by default the shown text itself).
 */
export function useDraft(shown: string, source: string = shown): [string, (text: string) => void] {
  const [draft, setDraft] = useState<Draft>({ source, text: shown });
  const now = followSource(draft, source, shown);
  // Adjusting state while rendering (React re-renders at once, before the children).
  if (now !== draft) setDraft(now);
  return [now.text, (text) => setDraft({ source, text })];
}
