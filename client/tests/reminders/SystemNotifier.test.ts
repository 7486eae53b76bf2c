import { describe, expect, it } from 'vitest';
import type { NotificationPermissionState } from '../../src/reminders/NotificationHost';
import { ReminderBoard } from '../../src/reminders/ReminderBoard';
import { SystemNotifier } from '../../src/reminders/SystemNotifier';
import { FakeNotificationHost } from './FakeNotificationHost';
import { sampleReminder } from './SampleReminder';

function setUp(permission: NotificationPermissionState) {
  const board = new ReminderBoard({ dismiss: () => Promise.resolve(), snooze: () => Promise.resolve() });
  const host = new FakeNotificationHost(permission);
  let focused = 0;
  const closedElsewhere: string[] = [];
  const notifier = new SystemNotifier(board, host, { timeZone: 'UTC', locale: 'en-GB' }, () => focused++, {
    now: () => new Date('2026-12-07T08:50:00Z'),
    closeElsewhere: (id) => {
      closedElsewhere.push(id);
      return Promise.resolve();
    },
  });
  return { board, host, notifier, focused: () => focused, closedElsewhere };
}

describe('SystemNotifier', () => {
  it('shows an allowed reminder as a system notification tagged with its reminder id, so tabs replace each other\'s', () => {
    const t = setUp('granted');
    t.board.receive(sampleReminder('r1'));
    t.board.receive(sampleReminder('r1'));
    expect(t.host.shown.map((n) => [n.title, n.body, n.tag])).toEqual([['Standup', 'Starts in 10 minutes (09:00)', 'r1']]);
  });

  it('closes the notification when the reminder is dismissed or snoozed in any tab', async () => {
    const t = setUp('granted');
    t.board.receive(sampleReminder('r1'));
    t.board.receive(sampleReminder('r2'));
    t.board.closedElsewhere('r1');
    await t.board.snooze('r2');
    expect(t.host.shown.map((n) => n.closed)).toEqual([true, true]);
    // The push service worker's notification of the same reminder (shown while no tab was open) goes too.
    expect(t.closedElsewhere).toEqual(['r1', 'r2']);
  });

  it('brings the tab forward on a click', () => {
    const t = setUp('granted');
    t.board.receive(sampleReminder('r1'));
    t.host.shown[0]!.onclick?.(new Event('click'));
    expect(t.focused()).toBe(1);
    expect(t.host.shown[0]!.closed).toBe(true);
  });

  it('shows nothing and asks nothing without permission: the toast is all', () => {
    for (const permission of ['default', 'denied', 'unsupported'] as const) {
      const t = setUp(permission);
      t.board.receive(sampleReminder('r1'));
      expect(t.host.shown).toEqual([]);
      expect(t.host.requests).toBe(0);
    }
  });

  it('closes what it showed when the page goes away', () => {
    const t = setUp('granted');
    t.board.receive(sampleReminder('r1'));
    t.notifier.destroy();
    expect(t.host.shown[0]!.closed).toBe(true);
    t.board.receive(sampleReminder('r2'));
    expect(t.host.shown).toHaveLength(1);
  });
});
