// Typed wrappers over the run panel's Rust commands (src-tauri/src/run_commands.rs).
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { MockedState, RunAction, RunBatch, RunRequest, RunSetup, TaskAnswer } from '../ipc/bindings';

export const runIpc = {
  setup: (path: string, mocks: string | null) => invoke<RunSetup>('run_setup', { path, mocks }),
  saveInput: (path: string, name: string, text: string) => invoke<void>('run_save_input', { path, name, text }),
  start: (request: RunRequest) => invoke<number>('run_start', { request }),
  act: (action: RunAction) => invoke<void>('run_act', { action }),
  breakpoints: (states: string[], onError: boolean, onCatch: boolean) => invoke<void>('run_breakpoints', { states, onError, onCatch }),
  answer: (answer: TaskAnswer) => invoke<void>('run_answer', { answer }),
  history: () => invoke<string>('run_history'),
  exportHistory: (path: string) => invoke<void>('run_export_history', { path }),
  saveTestCase: (mocksPath: string, testsPath: string | null, testCase: string) =>
    invoke<void>('run_save_test_case', { mocksPath, testsPath, case: testCase }),
  mockCase: (path: string, mocks: string | null, testCase: string) => invoke<MockedState[]>('run_mock_case', { path, mocks, case: testCase }),
  saveMockCase: (path: string, mocks: string | null, testCase: string, states: MockedState[]) =>
    invoke<void>('run_save_mock_case', { path, mocks, case: testCase, states }),
  onBatch: (f: (b: RunBatch) => void): Promise<UnlistenFn> => listen<RunBatch>('run-batch', (e) => f(e.payload)),
};
