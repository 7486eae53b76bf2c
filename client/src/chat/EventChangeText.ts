import type { EventChange, EventChangeOp } from '../api/ChatExchange';
import { shortDateText, shortDateTimeText } from '../ui/DateText';

const ACTIONS: Record<EventChangeOp, string> = {
  created: 'Created',
  updated: 'Updated',
  deleted: 'Deleted',
};

/** How one change under a chat answer reads: "Created", "Lunch with Sam", "Tue, 1 Dec, 12:00". */
export interface EventChangeText {
  readonly action: string;
  readonly title: string;
  /** When the event starts, in the user's zone; null when the server did not say. */
  readonly when: string | null;
}

export interface EventChangeTextOptions {
  readonly timeZone: string;
  readonly locale?: string | undefined;
  /** All-day events start at UTC midnight: their date is the UTC date and they have no time of day. */
  readonly allDay?: boolean;
}

export function eventChangeText(change: EventChange, options: EventChangeTextOptions): EventChangeText {
  return {
    action: ACTIONS[change.op],
    title: change.title.length > 0 ? change.title : '(untitled event)',
    when: change.start === null ? null : startText(new Date(change.start), options),
  };
}

function startText(start: Date, options: EventChangeTextOptions): string {
  if (options.allDay === true) return `${shortDateText(start, { timeZone: 'UTC', locale: options.locale })} (all day)`;
  return shortDateTimeText(start, options);
}
