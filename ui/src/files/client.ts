// Typed wrappers over the commands that keep the open file safe (src-tauri/src/file_commands.rs)
// and the event that reports outside changes to it (src-tauri/src/watch.rs).
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { Draft, FileEvent } from '../ipc/bindings';

/** The Tauri event name, as `watch::FILE_EVENT` in Rust. */
export const FILE_EVENT = 'file-changed';

export const fileIpc = {
  unwatch: () => invoke<void>('unwatch_file'),
  draftSave: (path: string | null, text: string) => invoke<void>('draft_save', { path, text }),
  draftClear: (path: string | null) => invoke<void>('draft_clear', { path }),
  draftFind: (path: string | null) => invoke<Draft | null>('draft_find', { path }),
  onFileEvent: (handler: (event: FileEvent) => void): Promise<UnlistenFn> =>
    listen<FileEvent>(FILE_EVENT, (e) => handler(e.payload)),
};
