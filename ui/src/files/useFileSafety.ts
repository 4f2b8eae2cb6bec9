// "Nothing lost": what happens when the open file changes on disk, when the window is closed with
// unsaved changes, and after a crash. The decisions are plain functions (`decide`, below) so they
// are tested without a window; this hook wires them to the Tauri events and commands.
import { getCurrentWindow } from '@tauri-apps/api/window';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft, FileEvent } from '../ipc/bindings';
import type { OpenDocument } from '../state/useDesigner';
import { fileIpc } from './client';

/** How long the text must rest before its draft is written. */
export const DRAFT_DELAY_MS = 700;

/** What the designer exposes that this hook needs. */
export interface DesignerFile {
  file: OpenDocument;
  text: string;
  dirty: boolean;
  replace: (next: string) => void;
  setFile: (doc: OpenDocument) => void;
  /** Bumped on every open or new workflow. */
  loads: number;
}

/** What to do about an outside change, given the window's state. */
export type Reaction =
  | { do: 'ignore' }
  | { do: 'reload'; text: string }
  | { do: 'ask'; theirs: string }
  | { do: 'markGone' }
  | { do: 'tell'; message: string };

export function decide(event: FileEvent, openPath: string | null, dirty: boolean, text: string): Reaction {
  if (event.path !== openPath) return { do: 'ignore' };
  switch (event.kind) {
    case 'changed':
      if (event.text === text) return { do: 'ignore' };
      return dirty ? { do: 'ask', theirs: event.text } : { do: 'reload', text: event.text };
    case 'removed':
      return { do: 'markGone' };
    case 'unreadable':
      if (event.error.code === 'NOT_FOUND') return { do: 'markGone' };
      return { do: 'tell', message: event.error.message };
  }
}

export function useFileSafety(d: DesignerFile, save: () => Promise<boolean>, setStatus: (s: string) => void) {
  const [conflict, setConflict] = useState<{ theirs: string } | null>(null);
  const [closing, setClosing] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [draftsReady, setDraftsReady] = useState(false);
  const latest = useRef(d);
  useEffect(() => {
    latest.current = d;
  });

  // Outside changes to the open file.
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let gone = false;
    void fileIpc
      .onFileEvent((event) => {
        const cur = latest.current;
        const name = cur.file.name;
        const reaction = decide(event, cur.file.path, cur.dirty, cur.text);
        switch (reaction.do) {
          case 'reload':
            cur.replace(reaction.text);
            cur.setFile({ ...cur.file, savedText: reaction.text, gone: false });
            setStatus(`“${name}” was changed outside Statewright and has been reloaded.`);
            break;
          case 'ask':
            setConflict({ theirs: reaction.theirs });
            setStatus(`“${name}” was changed outside Statewright while you have unsaved changes.`);
            break;
          case 'markGone':
            cur.setFile({ ...cur.file, gone: true });
            setStatus(`“${name}” was deleted or renamed outside Statewright. Your text is still here: Save to write it again.`);
            break;
          case 'tell':
            setStatus(`“${name}” was changed outside Statewright but cannot be read: ${reaction.message}`);
            break;
          case 'ignore':
            break;
        }
      })
      .then(
        (u) => (gone ? u() : (unlisten = u)),
        () => undefined,
      );
    return () => {
      gone = true;
      unlisten?.();
    };
  }, [setStatus]);

  const keepMine = useCallback(() => {
    if (!conflict) return;
    const cur = latest.current;
    // The file now holds their text: ours stays unsaved until Save writes it over theirs.
    cur.setFile({ ...cur.file, savedText: conflict.theirs, gone: false });
    setConflict(null);
    setStatus('Kept your version. Save to write it over the version on disk.');
  }, [conflict, setStatus]);

  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    const cur = latest.current;
    cur.replace(conflict.theirs);
    cur.setFile({ ...cur.file, savedText: conflict.theirs, gone: false });
    setConflict(null);
    setStatus('Took the version on disk. Undo brings your changes back.');
  }, [conflict, setStatus]);

  // Autosaved draft while there are unsaved changes; cleared once there are none.
  const path = d.file.path;
  const draftedPath = useRef<string | null>(null);
  const offering = draft !== null;
  useEffect(() => {
    // While a draft is being offered back, it stays as it is until the answer.
    if (!draftsReady || offering) return;
    const before = draftedPath.current;
    if (before !== path) {
      // Another file (or Save As): the previous one's draft is no longer wanted.
      void fileIpc.draftClear(before).catch(() => undefined);
      draftedPath.current = path;
    }
    const timer = window.setTimeout(() => {
      const request = d.dirty ? fileIpc.draftSave(path, d.text) : fileIpc.draftClear(path);
      void request.catch(() => undefined);
    }, DRAFT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draftsReady, offering, path, d.dirty, d.text]);

  // Each document opened (or started from a template): offer back a draft a crash left behind,
  // and stop watching the previous file when this one has none.
  useEffect(() => {
    if (d.loads === 0) return;
    const forPath = latest.current.file.path;
    let current = true;
    if (forPath === null) void fileIpc.unwatch().catch(() => undefined);
    void fileIpc
      .draftFind(forPath)
      .catch(() => null)
      .then((found) => {
        if (!current) return;
        setDraft(found);
        draftedPath.current = forPath;
        setDraftsReady(true);
      });
    return () => {
      current = false;
    };
  }, [d.loads]);

  const restoreDraft = useCallback(() => {
    if (!draft) return;
    latest.current.replace(draft.text);
    setDraft(null);
    setStatus('Restored your unsaved changes. Save to keep them in the file.');
  }, [draft, setStatus]);

  const discardDraft = useCallback(() => {
    if (!draft) return;
    void fileIpc.draftClear(draft.path).catch(() => undefined);
    setDraft(null);
  }, [draft]);

  // Closing the window with unsaved changes asks first.
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let gone = false;
    void getCurrentWindow()
      .onCloseRequested(async (event) => {
        const cur = latest.current;
        if (cur.dirty) {
          event.preventDefault();
          setClosing(true);
        } else {
          await fileIpc.draftClear(cur.file.path).catch(() => undefined);
        }
      })
      .then(
        (u) => (gone ? u() : (unlisten = u)),
        () => undefined,
      );
    return () => {
      gone = true;
      unlisten?.();
    };
  }, []);

  const closeChoice = useCallback(
    async (choice: 'save' | 'discard' | 'cancel') => {
      setClosing(false);
      if (choice === 'cancel') return;
      if (choice === 'save' && !(await save())) return;
      await fileIpc.draftClear(latest.current.file.path).catch(() => undefined);
      await getCurrentWindow().destroy();
    },
    [save],
  );

  return { conflict, keepMine, takeTheirs, closing, closeChoice, draft, restoreDraft, discardDraft };
}
