// How each state type looks on the canvas and how it is explained to someone new to ASL.

export interface StateLook {
  colour: string;
  tint: string;
  icon: string;
  summary: string;
}

export const STATE_TYPES = ['Task', 'Choice', 'Pass', 'Wait', 'Parallel', 'Map', 'Succeed', 'Fail'] as const;

export const LOOKS: Record<string, StateLook> = {
  Task: { colour: '#1d6fd6', tint: '#e8f1fd', icon: '⚙', summary: 'Does a piece of work, such as calling a service' },
  Choice: { colour: '#c46a00', tint: '#fdf1e3', icon: '◆', summary: 'Picks the next step by checking the data' },
  Pass: { colour: '#5c6773', tint: '#eef0f2', icon: '→', summary: 'Passes its input on, optionally reshaped' },
  Wait: { colour: '#7a45c2', tint: '#f3ecfc', icon: '◷', summary: 'Waits for a time or a date' },
  Parallel: { colour: '#0f8a7e', tint: '#e4f6f4', icon: '⇉', summary: 'Runs several branches at the same time' },
  Map: { colour: '#3c4fc4', tint: '#eaedfc', icon: '↻', summary: 'Repeats the same steps for each item of a list' },
  Succeed: { colour: '#1f8a3b', tint: '#e6f5ea', icon: '✓', summary: 'Ends the workflow successfully' },
  Fail: { colour: '#c4302b', tint: '#fbe9e8', icon: '✕', summary: 'Ends the workflow with an error' },
};

const UNKNOWN: StateLook = { colour: '#8a1c1c', tint: '#fff4f4', icon: '?', summary: 'Missing or unknown "Type"' };

export function lookOf(kind: string): StateLook {
  return LOOKS[kind] ?? UNKNOWN;
}
