// Typed wrappers over the Rust commands (src-tauri/src/commands.rs). The types come from
// bindings.ts, generated from the Rust contract.
import { invoke } from '@tauri-apps/api/core';
import { perfMark } from '../perf/probe';
import type {
  Analysis,
  CanvasChange,
  CanvasResult,
  ChangedText,
  CommandError,
  ImageFormat,
  JsonataProblem,
  OpenedFile,
  Pin,
  StateChange,
  Template,
} from './bindings';

export const ipc = {
  analyze: (text: string, pins: Readonly<Record<string, Pin>> = {}) => timed('analyze', invoke<Analysis>('analyze', { text, pins })),
  openFile: (path: string) => invoke<OpenedFile>('open_file', { path }),
  saveFile: (path: string, text: string) => invoke<OpenedFile>('save_file', { path, text }),
  startupFile: () => invoke<string | null>('startup_file'),
  recentFiles: () => invoke<string[]>('recent_files'),
  templates: () => invoke<Template[]>('templates'),
  templateText: (id: string) => invoke<string>('template_text', { id }),
  addState: (text: string, kind: string) => invoke<string>('add_state', { text, kind }),
  /** `analyse`: also lay out and check the changed text (for a change the diagram shows). */
  changeState: (text: string, change: StateChange, pins: Readonly<Record<string, Pin>> = {}, analyse = true) =>
    timed('change_state', invoke<ChangedText>('change_state', { text, change, pins, analyse })),
  canvasChange: (text: string, change: CanvasChange, pins: Readonly<Record<string, Pin>> = {}) =>
    invoke<CanvasResult>('canvas_change', { text, change, pins }),
  loadPins: (path: string) => invoke<Record<string, Pin>>('load_pins', { path }),
  savePins: (path: string, pins: Readonly<Record<string, Pin>>) => invoke<null>('save_pins', { path, pins }),
  exportDiagram: (text: string, pins: Readonly<Record<string, Pin>>, path: string, format: ImageFormat) =>
    invoke<null>('export_diagram', { text, pins, path, format }),
  checkJsonata: (field: string) => invoke<JsonataProblem | null>('check_jsonata', { field }),
};

/** Marks when a command was sent and when its answer arrived (for the e2e measurements). */
function timed<T>(name: string, answer: Promise<T>): Promise<T> {
  perfMark(`${name} sent`);
  return answer.finally(() => perfMark(`${name} answered`));
}

/** A command failure's sentence, whatever shape the failure came in. */
export function describeFailure(failure: unknown): string {
  if (isCommandError(failure)) return failure.message;
  if (failure instanceof Error) return failure.message;
  return String(failure);
}

export function isCommandError(value: unknown): value is CommandError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}
