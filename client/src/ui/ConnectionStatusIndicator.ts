import type { ConnectionState } from '../realtime/ConnectionState';
import { element } from './Elements';

const LABELS: Record<ConnectionState, string> = {
  live: 'live',
  reconnecting: 'reconnecting',
  offline: 'offline',
};

const HINTS: Record<ConnectionState, string> = {
  live: 'Changes from other tabs and devices appear as they happen.',
  reconnecting: 'Connecting for live updates…',
  offline: 'No live updates: the browser is offline.',
};

/** A small badge showing whether live updates are flowing. */
export class ConnectionStatusIndicator {
  readonly element: HTMLElement;

  constructor(initial: ConnectionState = 'offline') {
    this.element = element('span', 'connection-status', 'connection-status');
    this.element.setAttribute('role', 'status');
    this.show(initial);
  }

  show(state: ConnectionState): void {
    this.element.dataset['state'] = state;
    this.element.textContent = LABELS[state];
    this.element.title = HINTS[state];
  }
}
