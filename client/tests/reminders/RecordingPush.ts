import type { PushAnswer, PushReminderControl } from '../../src/reminders/ReminderEnabler';

/** Web Push as `src/push` answers it, scripted: what `enable` resolves (or the error it rejects with) and the state. */
export class RecordingPush implements PushReminderControl {
  enables = 0;
  failWith: Error | null = null;

  constructor(public answer: PushAnswer = 'enabled', public current: PushAnswer = 'off') {}

  enable(): Promise<PushAnswer> {
    this.enables++;
    if (this.failWith !== null) return Promise.reject(this.failWith);
    this.current = this.answer;
    return Promise.resolve(this.answer);
  }

  state(): Promise<PushAnswer> {
    return Promise.resolve(this.current);
  }
}
