// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ReminderOverride } from '../../src/api/ReminderOverride';
import type { NotificationPermissionState } from '../../src/reminders/NotificationHost';
import { ReminderEnabler, type ReminderReach } from '../../src/reminders/ReminderEnabler';
import { ReminderSettingsDialog, type DefaultRemindersSource } from '../../src/reminders/ReminderSettingsDialog';
import { FakeNotificationHost } from './FakeNotificationHost';
import { RecordingPush } from './RecordingPush';

/** The defaults as the server holds them; `failReads` makes GET fail. */
class DefaultsServer implements DefaultRemindersSource {
  stored: ReminderOverride[] = [{ method: 'popup', minutes: 10 }];
  readonly saves: ReminderOverride[][] = [];
  failReads = false;
  defaults(): Promise<ReminderOverride[]> {
    return this.failReads ? Promise.reject(new Error('Network is down')) : Promise.resolve([...this.stored]);
  }
  saveDefaults(defaults: readonly ReminderOverride[]): Promise<ReminderOverride[]> {
    this.saves.push([...defaults]);
    this.stored = [...defaults];
    return Promise.resolve([...defaults]);
  }
}

function setUp(permission: NotificationPermissionState, answer: NotificationPermissionState = permission, push = false) {
  const server = new DefaultsServer();
  const host = new FakeNotificationHost(permission, answer);
  const recorded = new RecordingPush('enabled');
  const enabler = new ReminderEnabler(host, push ? recorded : null);
  const defaults: Array<readonly ReminderOverride[]> = [];
  const reaches: ReminderReach[] = [];
  const dialog = new ReminderSettingsDialog({
    source: server,
    enabler,
    defaultsChanged: (d) => defaults.push(d),
    reachChanged: (r) => reaches.push(r),
  });
  document.body.append(dialog.element);
  return { server, host, dialog, defaults, reaches, pushes: () => recorded.enables };
}

function one<T extends HTMLElement>(id: string): T {
  const found = document.querySelector<T>(`[data-testid="${id}"]`);
  if (found === null) throw new Error(`no ${id}`);
  return found;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => document.body.replaceChildren());

describe('ReminderSettingsDialog', () => {
  it('opening it asks the browser nothing; Enable reminders asks once and then goes away', async () => {
    const t = setUp('default', 'granted');
    t.dialog.open();
    await settle();
    expect(t.host.requests).toBe(0);
    expect(one('reminder-reach').textContent).toBe('Reminders show in the page. Enable them to get system notifications too.');
    const enable = one<HTMLButtonElement>('enable-reminders');
    expect(enable.hidden).toBe(false);
    enable.click();
    await settle();
    expect(t.host.requests).toBe(1);
    expect(enable.hidden).toBe(true);
    expect(one('reminder-reach').textContent).toBe('Reminders show as system notifications and in the page.');
    expect(t.reaches.map((r) => r.notifications)).toEqual(['granted']);
  });

  it('turns on Web Push from the same click when the app has it', async () => {
    const t = setUp('default', 'granted', true);
    t.dialog.open();
    one<HTMLButtonElement>('enable-reminders').click();
    await settle();
    expect([t.host.requests, t.pushes()]).toEqual([1, 1]);
    expect(one('reminder-reach').textContent).toContain('They also reach this browser when no tab is open.');
  });

  it('says so when the browser blocks notifications, and offers no button that could not work', async () => {
    const t = setUp('denied');
    t.dialog.open();
    await settle();
    expect(one<HTMLButtonElement>('enable-reminders').hidden).toBe(true);
    expect(one('reminder-reach').textContent).toContain('blocked');
  });

  it('shows the stored defaults and saves the edited list', async () => {
    const t = setUp('granted');
    t.dialog.open();
    expect(one<HTMLButtonElement>('reminder-settings-save').disabled).toBe(true);
    await settle();
    const amount = one<HTMLInputElement>('default-reminder-amount');
    expect(amount.value).toBe('10');
    amount.value = '15';
    one<HTMLButtonElement>('default-reminder-add').click();
    one<HTMLButtonElement>('reminder-settings-save').click();
    await settle();
    expect(t.server.saves).toEqual([[{ method: 'popup', minutes: 10 }, { method: 'popup', minutes: 15 }]]);
    expect(t.defaults.at(-1)).toEqual([{ method: 'popup', minutes: 10 }, { method: 'popup', minutes: 15 }]);
    expect(t.dialog.isOpen).toBe(false);
  });

  it('saves no defaults at all when every row is removed', async () => {
    const t = setUp('granted');
    t.dialog.open();
    await settle();
    one<HTMLButtonElement>('default-reminder-remove').click();
    one<HTMLButtonElement>('reminder-settings-save').click();
    await settle();
    expect(t.server.saves).toEqual([[]]);
  });

  it('cannot save over defaults it could not read', async () => {
    const t = setUp('granted');
    t.server.failReads = true;
    t.dialog.open();
    await settle();
    expect(one('reminder-settings-status').textContent).toBe('Your default reminders could not be loaded: Network is down');
    expect(one<HTMLButtonElement>('reminder-settings-save').disabled).toBe(true);
  });
});
