import type { ChatApi } from '../api/ChatApi';
import {
  CHAT_UNAVAILABLE_PROBLEM_TYPE, type ChatRole, type ChatSettings, type ChatTurn, type EventChange,
} from '../api/ChatExchange';
import { ProblemError } from '../api/ProblemError';
import { dateInZone } from '../calendar/EventTimes';
import { clockTimeText, shortDateText } from '../ui/DateText';
import { errorText, sentence } from '../ui/ErrorText';

export type ChatAvailability =
  | { readonly kind: 'checking' }
  | { readonly kind: 'available'; readonly settings: ChatSettings }
  /** `canRetry` is false when the server said the chat is not configured: asking again will not help. */
  | { readonly kind: 'unavailable'; readonly message: string; readonly canRetry: boolean };

export interface ChatMessage {
  /** Unique within the tab, in the order the messages were added. */
  readonly id: number;
  readonly role: ChatRole;
  readonly content: string;
  /** Events the assistant wrote while producing this answer (always empty for the user's messages). */
  readonly changes: readonly EventChange[];
}

export type ChatErrorKind = 'rate-limited' | 'unavailable' | 'invalid' | 'network' | 'signed-out' | 'failed';

/** Why the last message did not get an answer; the message stays in the input. */
export interface ChatErrorNotice {
  readonly kind: ChatErrorKind;
  readonly message: string;
  /** When the server said a retry may work (Retry-After), or null. */
  readonly retryAt: Date | null;
}

export interface ChatPanelSnapshot {
  readonly availability: ChatAvailability;
  /** The conversation so far: answered user messages and the answers, oldest first. */
  readonly messages: readonly ChatMessage[];
  /** The user's message while its answer is awaited, else null. */
  readonly pending: ChatMessage | null;
  readonly error: ChatErrorNotice | null;
  readonly draft: string;
  /** Why the draft cannot be sent as it is (too long), or null. */
  readonly draftProblem: string | null;
  readonly canSend: boolean;
}

export interface ChatPanelStateOptions {
  readonly api: ChatApi;
  /** IANA zone sent with every message and used to show retry times. */
  readonly timeZone: string;
  readonly now?: () => Date;
  /** BCP 47 locale for times in messages; the browser's when left out. */
  readonly locale?: string;
}

/**
 * What the chat panel shows and the rules behind it, without any DOM: availability from GET /api/chat,
 * the conversation kept for the tab, one request at a time, and errors that never lose the typed text
 * (a message joins the conversation only once it has an answer).
 */
export class ChatPanelState {
  private availability: ChatAvailability = { kind: 'checking' };
  private messages: ChatMessage[] = [];
  private pending: ChatMessage | null = null;
  private error: ChatErrorNotice | null = null;
  private draft = '';
  private nextId = 1;
  private checking: Promise<void> | null = null;
  private readonly listeners = new Set<(snapshot: ChatPanelSnapshot) => void>();
  private readonly abort = new AbortController();
  private readonly now: () => Date;

  constructor(private readonly options: ChatPanelStateOptions) {
    this.now = options.now ?? (() => new Date());
  }

  get snapshot(): ChatPanelSnapshot {
    const draftProblem = this.draftProblem();
    return {
      availability: this.availability,
      messages: this.messages,
      pending: this.pending,
      error: this.error,
      draft: this.draft,
      draftProblem,
      canSend: this.availability.kind === 'available' && this.pending === null
        && this.draft.trim().length > 0 && draftProblem === null,
    };
  }

  subscribe(listener: (snapshot: ChatPanelSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the server whether chat is configured; the panel stays disabled until it answers. Calls while one is under way share it. */
  checkAvailability(): Promise<void> {
    this.checking ??= this.loadSettings().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  updateDraft(text: string): void {
    if (this.pending !== null || text === this.draft) return;
    this.draft = text;
    this.emit();
  }

  dismissError(): void {
    if (this.error === null) return;
    this.error = null;
    this.emit();
  }

  /** Sends the draft with the recent conversation; does nothing when it cannot be sent. */
  async send(): Promise<void> {
    const snapshot = this.snapshot;
    if (!snapshot.canSend || this.availability.kind !== 'available') return;
    const settings = this.availability.settings;
    const question: ChatMessage = { id: this.nextId++, role: 'user', content: this.draft.trim(), changes: [] };
    const conversation: ChatTurn[] = [...this.messages, question].map((m) => ({ role: m.role, content: m.content }));
    this.pending = question;
    this.error = null;
    this.emit();
    try {
      const answer = await this.options.api.send(conversation, settings, this.options.timeZone, this.abort.signal);
      if (this.abort.signal.aborted) return;
      this.messages = [...this.messages, question, { id: this.nextId++, role: 'assistant', content: answer.reply, changes: answer.changes }];
      this.draft = '';
    } catch (error) {
      if (this.abort.signal.aborted) return;
      if (error instanceof ProblemError && error.type === CHAT_UNAVAILABLE_PROBLEM_TYPE) {
        // The key was removed since the panel opened: the panel turns into the "not configured" message.
        this.availability = unavailability(error);
      } else {
        this.error = this.notice(error);
      }
    } finally {
      if (!this.abort.signal.aborted) this.pending = null;
    }
    this.emit();
  }

  /** Stops listening and drops answers still on their way (sign-out). */
  destroy(): void {
    this.abort.abort();
    this.listeners.clear();
  }

  private async loadSettings(): Promise<void> {
    this.availability = { kind: 'checking' };
    this.emit();
    try {
      const settings = await this.options.api.settings(this.abort.signal);
      this.availability = { kind: 'available', settings };
    } catch (error) {
      if (this.abort.signal.aborted) return;
      this.availability = unavailability(error);
    }
    this.emit();
  }

  private draftProblem(): string | null {
    if (this.availability.kind !== 'available') return null;
    const limit = this.availability.settings.maxMessageLength;
    const length = this.draft.trim().length;
    return length > limit ? `Your message has ${length} characters; the limit is ${limit}.` : null;
  }

  private notice(error: unknown): ChatErrorNotice {
    if (!(error instanceof ProblemError)) {
      return { kind: 'failed', message: `The chat answer could not be read: ${errorText(error)}`, retryAt: null };
    }
    const retryAt = error.retryAfterSeconds === undefined ? null : new Date(this.now().getTime() + error.retryAfterSeconds * 1000);
    const retryText = retryAt === null ? '' : ` ${this.whenToRetry(retryAt)}`;
    switch (error.status) {
      case 0:
        return { kind: 'network', message: sentence(error.title, error.detail), retryAt: null };
      case 401:
        return { kind: 'signed-out', message: 'You are signed out. Sign in again to use the chat.', retryAt: null };
      case 400: {
        const fields = error.errors.map((e) => e.message).join(' ');
        return { kind: 'invalid', message: sentence(error.title, fields.length > 0 ? fields : error.detail), retryAt: null };
      }
      case 429:
        return { kind: 'rate-limited', message: sentence(error.title, error.detail) + retryText, retryAt };
      case 503:
        return { kind: 'unavailable', message: sentence(error.title, error.detail) + retryText, retryAt };
      default:
        return { kind: 'failed', message: sentence(error.title, error.detail), retryAt };
    }
  }

  /** "Try again in 40 seconds." up to a minute, then the clock time (with the date when it is not today). */
  private whenToRetry(at: Date): string {
    const seconds = Math.max(1, Math.ceil((at.getTime() - this.now().getTime()) / 1000));
    if (seconds < 60) return `Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
    const text = { timeZone: this.options.timeZone, locale: this.options.locale };
    const time = clockTimeText(at, text);
    if (dateInZone(at, text.timeZone) === dateInZone(this.now(), text.timeZone)) return `Try again at ${time}.`;
    return `Try again on ${shortDateText(at, text)} at ${time}.`;
  }

  private emit(): void {
    const snapshot = this.snapshot;
    for (const listener of [...this.listeners]) listener(snapshot);
  }
}

function unavailability(error: unknown): ChatAvailability {
  if (error instanceof ProblemError && error.status === 503) {
    // Only "not configured" is final; a 503 for a model that is down may pass.
    return {
      kind: 'unavailable',
      message: error.detail ?? error.title,
      canRetry: error.type !== CHAT_UNAVAILABLE_PROBLEM_TYPE,
    };
  }
  return { kind: 'unavailable', message: `Chat could not be loaded: ${errorText(error)}`, canRetry: true };
}
