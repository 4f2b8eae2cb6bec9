// How each run status looks: colour, icon and plain words (the canvas and the legend share it).
import type { StateStatus } from '../ipc/bindings';

export interface StatusLook {
  label: string;
  icon: string;
  colour: string;
}

export const STATUS_LOOK: Record<StateStatus, StatusLook> = {
  idle: { label: 'Not run', icon: '○', colour: '#8794a6' },
  active: { label: 'In progress', icon: '▶', colour: '#2b6cd4' },
  succeeded: { label: 'Succeeded', icon: '✔', colour: '#2e8540' },
  failed: { label: 'Failed', icon: '✖', colour: '#c4302b' },
  caught: { label: 'Caught error', icon: '⚠', colour: '#c46a00' },
  cancelled: { label: 'Cancelled', icon: '⊘', colour: '#6b6b6b' },
  waiting: { label: 'Waiting for a callback', icon: '◷', colour: '#7a3fb8' },
};

export const STATUS_ORDER: StateStatus[] = ['idle', 'active', 'succeeded', 'failed', 'caught', 'cancelled', 'waiting'];
