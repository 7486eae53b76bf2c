import { describe, expect, it } from 'vitest';
import { ReminderBoard, REPEAT_DELIVERY_WINDOW_MS, type ReminderActions, type ReminderBoardChange } from '../../src/reminders/ReminderBoard';
import { sampleReminder } from './SampleReminder';

/** The server's two reminder routes, recording calls; each answers when the test settles it. */
class RecordingActions implements ReminderActions {
  readonly calls: string[] = [];
  failWith: Error | null = null;
  private pending: Array<() => void> = [];

  dismiss(id: string): Promise<void> {
    return this.record(`dismiss ${id}`);
  }

  snooze(id: string): Promise<void> {
    return this.record(`snooze ${id}`);
  }

  /** Lets every request answered so far complete. */
  answerAll(): void {
    for (const answer of this.pending.splice(0)) answer();
  }

  private record(call: string): Promise<void> {
    this.calls.push(call);
    return new Promise((resolve, reject) => {
      this.pending.push(() => (this.failWith === null ? resolve() : reject(this.failWith)));
    });
  }
}

function board() {
  let now = Date.parse('2026-12-07T08:50:00Z');
  const actions = new RecordingActions();
  const b = new ReminderBoard(actions, () => now);
  const changes: ReminderBoardChange[] = [];
  b.subscribe((change) => changes.push(change));
  return {
    board: b,
    actions,
    changes,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('ReminderBoard', () => {
  it('shows a reminder delivered twice once', () => {
    const t = board();
    expect(t.board.receive(sampleReminder('r1'))).toBe(true);
    expect(t.board.receive(sampleReminder('r1'))).toBe(false);
    expect(t.board.reminders.map((r) => r.reminder.reminderId)).toEqual(['r1']);
    expect(t.changes).toEqual([{ kind: 'shown', reminder: sampleReminder('r1') }]);
  });

  it('shows different reminders side by side, in the order they came', () => {
    const t = board();
    t.board.receive(sampleReminder('r2'));
    t.board.receive(sampleReminder('r1', { title: 'Lunch' }));
    expect(t.board.reminders.map((r) => [r.reminder.reminderId, r.reminder.title])).toEqual([['r2', 'Standup'], ['r1', 'Lunch']]);
  });

  it('dismisses through the server, takes the reminder off at once, and never shows it again', async () => {
    const t = board();
    t.board.receive(sampleReminder('r1'));
    const done = t.board.dismiss('r1');
    expect(t.board.reminders[0]!.pending).toBe('dismiss');
    // A second click while the first is on its way sends nothing.
    await t.board.dismiss('r1');
    t.actions.answerAll();
    await done;
    expect(t.actions.calls).toEqual(['dismiss r1']);
    expect(t.board.reminders).toEqual([]);
    expect(t.changes.at(-1)).toEqual({ kind: 'closed', reminderId: 'r1' });

    // The server's push of its own dismissal, and a late retried delivery, change nothing.
    t.board.closedElsewhere('r1');
    t.advance(10 * 60_000);
    expect(t.board.receive(sampleReminder('r1'))).toBe(false);
    expect(t.board.reminders).toEqual([]);
  });

  it('takes a reminder off when the server says another tab dismissed or snoozed it', () => {
    const t = board();
    t.board.receive(sampleReminder('r1'));
    t.board.receive(sampleReminder('r2'));
    t.board.closedElsewhere('r1');
    expect(t.board.reminders.map((r) => r.reminder.reminderId)).toEqual(['r2']);
    // A retried copy of the first delivery, right after, is still a copy.
    expect(t.board.receive(sampleReminder('r1'))).toBe(false);
  });

  it('shows a snoozed reminder again when it comes back, but not a retried copy of its first delivery', async () => {
    const t = board();
    t.board.receive(sampleReminder('r1'));
    const snoozed = t.board.snooze('r1');
    t.actions.answerAll();
    await snoozed;
    expect(t.actions.calls).toEqual(['snooze r1']);
    expect(t.board.reminders).toEqual([]);

    t.advance(REPEAT_DELIVERY_WINDOW_MS - 1_000);
    expect(t.board.receive(sampleReminder('r1'))).toBe(false);
    t.advance(5 * 60_000);
    expect(t.board.receive(sampleReminder('r1'))).toBe(true);
    expect(t.board.reminders).toHaveLength(1);
  });

  it('shows a reminder snoozed in another tab again when it comes back', () => {
    const t = board();
    t.board.receive(sampleReminder('r1'));
    t.board.closedElsewhere('r1');
    t.advance(5 * 60_000);
    expect(t.board.receive(sampleReminder('r1'))).toBe(true);
  });

  it('keeps the reminder with the reason when the server refuses, and lets the person try again', async () => {
    const t = board();
    t.board.receive(sampleReminder('r1'));
    t.actions.failWith = new Error('Network is down');
    const failed = t.board.dismiss('r1');
    t.actions.answerAll();
    await failed;
    expect(t.board.reminders).toEqual([{ reminder: sampleReminder('r1'), pending: null, error: 'It could not be dismissed: Network is down' }]);

    t.actions.failWith = null;
    const retried = t.board.snooze('r1');
    expect(t.board.reminders[0]).toMatchObject({ pending: 'snooze', error: null });
    t.actions.answerAll();
    await retried;
    await settle();
    expect(t.board.reminders).toEqual([]);
  });

  it('does nothing for a reminder it does not show', async () => {
    const t = board();
    await t.board.dismiss('unknown');
    t.board.closedElsewhere('unknown');
    expect(t.actions.calls).toEqual([]);
    expect(t.changes).toEqual([]);
  });

  it('clears the screen on sign-out yet still knows what it showed', () => {
    const t = board();
    t.board.receive(sampleReminder('r1'));
    t.board.clear();
    expect(t.board.reminders).toEqual([]);
    expect(t.changes.at(-1)).toEqual({ kind: 'closed', reminderId: 'r1' });
  });
});
