import { describe, expect, it } from 'vitest';
import { ReminderEnabler } from '../../src/reminders/ReminderEnabler';
import { FakeNotificationHost } from './FakeNotificationHost';

describe('ReminderEnabler', () => {
  it('asks for notification permission only when enable is called, then turns on Web Push from the same click', async () => {
    const host = new FakeNotificationHost('default', 'granted');
    let pushes = 0;
    const enabler = new ReminderEnabler(host, () => {
      pushes++;
      return Promise.resolve();
    });
    expect(enabler.reach).toEqual({ notifications: 'default', push: 'off', pushError: null });
    expect(enabler.canEnable).toBe(true);
    expect(host.requests).toBe(0);

    expect(await enabler.enable()).toEqual({ notifications: 'granted', push: 'on', pushError: null });
    expect([host.requests, pushes]).toEqual([1, 1]);
    expect(enabler.canEnable).toBe(false);
  });

  it('leaves Web Push alone when the person declines notifications', async () => {
    const host = new FakeNotificationHost('default', 'denied');
    let pushes = 0;
    const enabler = new ReminderEnabler(host, () => {
      pushes++;
      return Promise.resolve();
    });
    expect(await enabler.enable()).toMatchObject({ notifications: 'denied', push: 'off' });
    expect(pushes).toBe(0);
    expect(enabler.canEnable).toBe(false);
  });

  it('never asks again once permission is granted; a failed push can be tried again', async () => {
    const host = new FakeNotificationHost('granted');
    let fail = true;
    const enabler = new ReminderEnabler(host, () => (fail ? Promise.reject(new Error('no service worker')) : Promise.resolve()));
    expect(await enabler.enable()).toEqual({ notifications: 'granted', push: 'failed', pushError: 'no service worker' });
    expect(enabler.canEnable).toBe(true);
    fail = false;
    expect(await enabler.enable()).toMatchObject({ push: 'on' });
    expect(host.requests).toBe(0);
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
