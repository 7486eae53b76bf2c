/** Dates and times as people read them, in a given zone and locale (the browser's locale when none is given). */
export interface DateTextOptions {
  readonly timeZone: string;
  readonly locale?: string | undefined;
}

const SHORT_DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
const CLOCK_TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** "Tue, 1 Dec" */
export function shortDateText(at: Date, options: DateTextOptions): string {
  return new Intl.DateTimeFormat(options.locale, { ...SHORT_DATE, timeZone: options.timeZone }).format(at);
}

/** "12:00" */
export function clockTimeText(at: Date, options: DateTextOptions): string {
  return new Intl.DateTimeFormat(options.locale, { ...CLOCK_TIME, timeZone: options.timeZone }).format(at);
}

/** "Tue, 1 Dec, 12:00" */
export function shortDateTimeText(at: Date, options: DateTextOptions): string {
  return new Intl.DateTimeFormat(options.locale, { ...SHORT_DATE, ...CLOCK_TIME, timeZone: options.timeZone }).format(at);
}
