import { describe, expect, it } from 'vitest';
import { ReminderEnabler } from '../../src/reminders/ReminderEnabler';
import { FakeNotificationHost } from './FakeNotificationHost';
import { RecordingPush } from './RecordingPush';

describe('ReminderEnabler', () => {
  it('asks for notification permission only when enable is called, then turns on Web Push from the same click', async () => {
    const host = new FakeNotificationHost('default', 'granted');
    const push = new RecordingPush('enabled');
    const enabler = new ReminderEnabler(host, push);
    expect(enabler.reach).toEqual({ notifications: 'default', push: 'off', pushError: null });
    expect(enabler.canEnable).toBe(true);
    expect(host.requests).toBe(0);

    expect(await enabler.enable()).toEqual({ notifications: 'granted', push: 'on', pushError: null });
    expect([host.requests, push.enables]).toEqual([1, 1]);
    expect(enabler.canEnable).toBe(false);
  });

  it('leaves Web Push alone when the person declines notifications', async () => {
    const host = new FakeNotificationHost('default', 'denied');
    const push = new RecordingPush();
    const enabler = new ReminderEnabler(host, push);
    expect(await enabler.enable()).toMatchObject({ notifications: 'denied', push: 'off' });
    expect(push.enables).toBe(0);
    expect(enabler.canEnable).toBe(false);
  });

  it('never asks again once permission is granted; a push the server refused can be tried again', async () => {
    const host = new FakeNotificationHost('granted');
    const push = new RecordingPush();
    push.failWith = new Error('You allowed reminders in 10 browsers already.');
    const enabler = new ReminderEnabler(host, push);
    expect(await enabler.enable()).toEqual({ notifications: 'granted', push: 'failed', pushError: 'You allowed reminders in 10 browsers already.' });
    expect(enabler.canEnable).toBe(true);
    push.failWith = null;
    expect(await enabler.enable()).toMatchObject({ push: 'on' });
    expect(host.requests).toBe(0);
  });

  it('reads at start whether this browser already gets push reminders, without prompting', async () => {
    const host = new FakeNotificationHost('granted');
    const enabler = new ReminderEnabler(host, new RecordingPush('enabled', 'enabled'));
    expect((await enabler.refresh()).push).toBe('on');
    expect(enabler.canEnable).toBe(false);
    expect(host.requests).toBe(0);
    expect((await new ReminderEnabler(host, new RecordingPush('enabled', 'unsupported')).refresh()).push).toBe('unavailable');
  });

  it('without Web Push in the app, enabling is only the notification permission', async () => {
    const host = new FakeNotificationHost('default', 'granted');
    const enabler = new ReminderEnabler(host, null);
    expect(enabler.reach.push).toBe('unavailable');
    expect(await enabler.enable()).toEqual({ notifications: 'granted', push: 'unavailable', pushError: null });
    expect(enabler.canEnable).toBe(false);
  });

  it('has nothing to enable where the browser has no notifications', () => {
    expect(new ReminderEnabler(new FakeNotificationHost('unsupported'), null).canEnable).toBe(false);
  });
});
