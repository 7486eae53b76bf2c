import type { GoogleSyncApi } from '../api/GoogleSyncApi';
import { ProblemError } from '../api/ProblemError';
import { button, element } from './Elements';
import { errorText } from './ErrorText';

/**
 * The toolbar's Google Calendar part: "Connect Google Calendar" when not connected, otherwise the last sync time
 * (or error) with "Sync now" and "Disconnect". When the server has no Google sync set up the button is disabled
 * and its tooltip carries the server's explanation.
 */
export class GoogleSyncControl {
  readonly element: HTMLElement;
  private readonly label: HTMLElement;
  private readonly primary: HTMLButtonElement;
  private readonly disconnect: HTMLButtonElement;

  constructor(
    private readonly api: GoogleSyncApi,
    private readonly navigate: (url: string) => void,
    private readonly report: (message: string) => void,
  ) {
    this.element = element('div', 'google-sync', 'google-sync');
    this.label = element('span', 'google-sync-status');
    this.primary = button('Google Calendar…', { testId: 'google-sync-button' });
    this.disconnect = button('Disconnect Google', { testId: 'google-sync-disconnect' });
    this.disconnect.hidden = true;
    this.disconnect.addEventListener('click', () => void this.run(() => this.api.disconnect()));
    this.element.append(this.label, this.primary, this.disconnect);
    this.primary.disabled = true;
  }

  async refresh(): Promise<void> {
    let status;
    try {
      status = await this.api.status();
    } catch (error) {
      this.label.textContent = '';
      this.primary.disabled = true;
      this.primary.title = errorText(error);
      return;
    }

    if (status.kind === 'unavailable') {
      this.label.textContent = '';
      this.primary.textContent = 'Connect Google Calendar';
      this.primary.disabled = true;
      this.primary.title = status.message;
      this.disconnect.hidden = true;
      return;
    }

    this.primary.disabled = false;
    this.primary.title = '';
    this.disconnect.hidden = !status.connected;
    if (!status.connected) {
      this.label.textContent = '';
      this.primary.textContent = 'Connect Google Calendar';
      this.primary.onclick = () => void this.connect();
      return;
    }

    this.label.textContent = status.lastSyncError !== null
      ? `Google sync failed: ${status.lastSyncError}`
      : status.lastSyncAt !== null ? `Google synced ${new Date(status.lastSyncAt).toLocaleString()}` : 'Google connected';
    this.primary.textContent = 'Sync now';
    this.primary.onclick = () => void this.run(() => this.api.syncNow());
  }

  private async connect(): Promise<void> {
    try {
      this.navigate(await this.api.authorizationUrl());
    } catch (error) {
      this.report(error instanceof ProblemError ? error.message : 'Could not start connecting Google Calendar.');
    }
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.primary.disabled = true;
    try {
      await action();
    } catch (error) {
      this.report(error instanceof ProblemError ? error.message : 'Google Calendar did not answer; please try again.');
    } finally {
      await this.refresh();
    }
  }
}
