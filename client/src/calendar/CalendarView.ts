import { Calendar, type EventInput, type ToolbarInput } from 'fullcalendar';
import dayGridPlugin from 'fullcalendar/daygrid';
import interactionPlugin from 'fullcalendar/interaction';
import listPlugin from 'fullcalendar/list';
import timeGridPlugin from 'fullcalendar/timegrid';
import classicThemePlugin from 'fullcalendar/themes/classic';
import type { CalendarEvent } from '../api/CalendarEvent';
import type { EventStore, StoreChange } from './EventStore';
import type { PickedRange } from './EventForm';
import { utcDateOf } from './EventTimes';

export interface CalendarViewActions {
  /** The visible range changed (navigation, view switch, first render). */
  rangeChanged(from: Date, to: Date): void;
  /** The user selected a time range to create an event in. */
  rangeSelected(range: PickedRange): void;
  eventClicked(id: string): void;
  /** The user dragged or resized an event; call `revert` if the server does not take it. */
  eventMoved(id: string, range: PickedRange, revert: () => void): void;
}

/**
 * FullCalendar showing the EventStore: the store is the truth, the calendar mirrors it. Titles are
 * rendered by FullCalendar's default text rendering; no HTML from event data is ever injected.
 */
export class CalendarView {
  private readonly calendar: Calendar;
  private readonly unsubscribe: () => void;
  private readonly narrow: MediaQueryList | null;
  private readonly onNarrowChange = (): void => this.applyToolbars();
  private visible: { from: Date; to: Date } | null = null;

  constructor(host: HTMLElement, private readonly store: EventStore, actions: CalendarViewActions) {
    this.narrow = typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_SCREEN) : null;
    const narrow = this.narrow?.matches === true;
    this.calendar = new Calendar(host, {
      plugins: [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, classicThemePlugin],
      // Seven columns of a week are too thin to read on a phone; the view buttons still switch to the week.
      initialView: narrow ? 'timeGridDay' : 'timeGridWeek',
      ...toolbars(narrow),
      height: '100%',
      nowIndicator: true,
      dayMaxEvents: true,
      editable: true,
      selectable: true,
      selectMirror: true,
      datesSet: (info) => {
        this.visible = { from: info.start, to: info.end };
        actions.rangeChanged(info.start, info.end);
      },
      select: (info) => actions.rangeSelected({ start: info.start, end: info.end, allDay: info.allDay }),
      eventClick: (info) => {
        info.jsEvent.preventDefault();
        actions.eventClicked(info.event.id);
      },
      eventDrop: (info) => actions.eventMoved(info.event.id, pickedRange(info.event), info.revert),
      eventResize: (info) => actions.eventMoved(info.event.id, pickedRange(info.event), info.revert),
      eventDidMount: (info) => {
        info.el.dataset['eventId'] = info.event.id;
        const series: unknown = info.event.extendedProps['recurringEventId'];
        if (typeof series === 'string') info.el.dataset['recurringEventId'] = series;
      },
    });
    this.unsubscribe = store.subscribe((change) => this.apply(change));
    this.narrow?.addEventListener('change', this.onNarrowChange);
  }

  render(): void {
    this.calendar.render();
    this.calendar.batchRendering(() => {
      for (const event of this.store.all()) this.calendar.addEvent(toInput(event));
    });
  }

  get visibleRange(): { from: Date; to: Date } | null {
    return this.visible;
  }

  /** Shows the day (and, in time-grid views, the hour) of `start`; a PlainDate string shows that day. */
  showDate(start: Date | string): void {
    this.calendar.gotoDate(start);
    if (start instanceof Date) {
      // An hour before, so the event is not flush with the top edge.
      const hour = Math.max(0, start.getHours() - 1);
      this.calendar.scrollToTime({ hours: hour });
    }
  }

  unselect(): void {
    this.calendar.unselect();
  }

  destroy(): void {
    this.narrow?.removeEventListener('change', this.onNarrowChange);
    this.unsubscribe();
    this.calendar.destroy();
  }

  private applyToolbars(): void {
    const { headerToolbar, footerToolbar } = toolbars(this.narrow?.matches === true);
    this.calendar.setOption('headerToolbar', headerToolbar);
    this.calendar.setOption('footerToolbar', footerToolbar);
  }

  private apply(change: StoreChange): void {
    this.calendar.batchRendering(() => {
      switch (change.kind) {
        case 'upsert':
          this.calendar.getEventById(change.event.id)?.remove();
          this.calendar.addEvent(toInput(change.event));
          break;
        case 'remove':
          this.calendar.getEventById(change.id)?.remove();
          break;
        case 'clear':
          this.calendar.removeAllEvents();
          break;
      }
    });
  }
}

/** Where the page switches to its phone layout (the same width as the stylesheet's). */
const NARROW_SCREEN = '(max-width: 599px)';

const VIEW_BUTTONS = 'dayGridMonth,timeGridWeek,timeGridDay,listWeek';

/** On a phone the view buttons move below the calendar: one row of eight buttons and a title does not fit 390 px. */
function toolbars(narrow: boolean): { headerToolbar: ToolbarInput; footerToolbar: ToolbarInput | false } {
  return narrow
    ? { headerToolbar: { start: 'prev,next today', end: 'title' }, footerToolbar: { center: VIEW_BUTTONS } }
    : { headerToolbar: { start: 'prev,next today', center: 'title', end: VIEW_BUTTONS }, footerToolbar: false };
}

function toInput(event: CalendarEvent): EventInput {
  // Read-only entries (Google status entries, birthdays) can be opened but not dragged or resized.
  const shown = {
    id: event.id,
    title: event.title,
    editable: !event.readOnly,
    classNames: event.readOnly ? ['event-readonly', `event-type-${event.eventType}`] : [],
    // Occurrences carry their series' id onto the page (data-recurring-event-id), for tests and styles.
    extendedProps: event.recurringEventId === null ? {} : { recurringEventId: event.recurringEventId },
  };
  // All-day events are stored as UTC midnights; FullCalendar wants their calendar dates.
  if (event.allDay) return { ...shown, allDay: true, start: utcDateOf(event.start), end: utcDateOf(event.end) };
  // A zero-length event (a point in time, as Google allows) has no end for FullCalendar: it draws a short block.
  if (event.end === event.start) return { ...shown, allDay: false, start: event.start, classNames: [...shown.classNames, 'event-instant'] };
  return { ...shown, allDay: false, start: event.start, end: event.end };
}

function pickedRange(event: { start: Date | null; end: Date | null; allDay: boolean }): PickedRange {
  if (event.start === null) throw new Error('A moved event has no start.');
  return { start: event.start, end: event.end, allDay: event.allDay };
}
