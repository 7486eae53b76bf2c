import type { ConnectionState } from './ConnectionState';
import { ExponentialBackoff } from './ExponentialBackoff';
import { parseServerMessage, PING_FRAME, type ServerMessage } from './ChangeMessage';

/** The parts of a browser WebSocket this class uses. */
export interface SocketLike {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface RealtimeTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface RealtimeConnectionOptions {
  readonly webSocketUrl: string;
  /** A fresh one-time ticket for every attempt. */
  readonly requestTicket: () => Promise<string>;
  readonly onMessage: (message: ServerMessage) => void;
  /** After every successful (re)connect: messages missed meanwhile are recovered by reloading. */
  readonly onConnected: () => void;
  readonly onStateChange: (state: ConnectionState) => void;
  readonly createSocket?: (url: string) => SocketLike;
  readonly backoff?: ExponentialBackoff;
  readonly timers?: RealtimeTimers;
  readonly isOnline?: () => boolean;
  /** API Gateway drops sockets idle for 10 minutes; ping well inside that. */
  readonly pingIntervalMs?: number;
  /** A socket that stayed open this long was healthy: the next outage starts the backoff afresh. */
  readonly stableAfterMs?: number;
}

const browserTimers: RealtimeTimers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  setInterval: (callback, ms) => globalThis.setInterval(callback, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>),
};

/** One WebSocket per tab: connects with a ticket, pings, and reconnects with backoff until stopped. */
export class RealtimeConnection {
  private readonly createSocket: (url: string) => SocketLike;
  private readonly backoff: ExponentialBackoff;
  private readonly timers: RealtimeTimers;
  private readonly isOnline: () => boolean;
  private readonly pingIntervalMs: number;
  private readonly stableAfterMs: number;

  private socket: SocketLike | null = null;
  private running = false;
  /** Identifies the current attempt so callbacks from an abandoned one are ignored. */
  private attemptId = 0;
  private retryTimer: unknown = null;
  private pingTimer: unknown = null;
  private openedAt: number | null = null;
  private currentState: ConnectionState = 'offline';

  constructor(private readonly options: RealtimeConnectionOptions) {
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url));
    this.backoff = options.backoff ?? new ExponentialBackoff({ baseMs: 500, capMs: 30_000 });
    this.timers = options.timers ?? browserTimers;
    this.isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
    this.pingIntervalMs = options.pingIntervalMs ?? 4 * 60_000;
    this.stableAfterMs = options.stableAfterMs ?? 30_000;
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.backoff.reset();
    this.connectOrWait();
  }

  stop(): void {
    this.running = false;
    this.attemptId++;
    this.cancelRetry();
    this.dropSocket();
    this.setState('offline');
  }

  /** The browser says the network is back: try at once instead of waiting out the backoff. */
  handleOnline(): void {
    if (!this.running || this.socket !== null) return;
    this.cancelRetry();
    this.backoff.reset();
    void this.connect();
  }

  /** The browser says the network is gone: the socket is dead even if it has not noticed yet. */
  handleOffline(): void {
    if (!this.running) return;
    this.attemptId++;
    this.cancelRetry();
    this.dropSocket();
    this.setState('offline');
  }

  private connectOrWait(): void {
    if (this.isOnline()) {
      void this.connect();
    } else {
      this.setState('offline');
    }
  }

  private async connect(): Promise<void> {
    const attempt = ++this.attemptId;
    this.setState('reconnecting');
    let ticket: string;
    try {
      ticket = await this.options.requestTicket();
    } catch {
      if (attempt === this.attemptId) this.scheduleReconnect();
      return;
    }
    if (attempt !== this.attemptId || !this.running) return;

    const separator = this.options.webSocketUrl.includes('?') ? '&' : '?';
    let socket: SocketLike;
    try {
      socket = this.createSocket(`${this.options.webSocketUrl}${separator}ticket=${encodeURIComponent(ticket)}`);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (attempt !== this.attemptId) return;
      this.openedAt = this.timers.now();
      this.setState('live');
      this.pingTimer = this.timers.setInterval(() => this.ping(socket), this.pingIntervalMs);
      this.options.onConnected();
    };
    socket.onmessage = (event) => {
      if (attempt !== this.attemptId || typeof event.data !== 'string') return;
      const message = parseServerMessage(event.data);
      if (message !== null) this.options.onMessage(message);
    };
    socket.onclose = () => {
      if (attempt !== this.attemptId) return;
      const wasStable = this.openedAt !== null && this.timers.now() - this.openedAt >= this.stableAfterMs;
      this.clearSocket();
      if (wasStable) this.backoff.reset();
      this.scheduleReconnect();
    };
    // An error is always followed by close, which does the recovery.
    socket.onerror = () => undefined;
  }

  private scheduleReconnect(): void {
    if (!this.running) return;
    if (!this.isOnline()) {
      this.setState('offline');
      return;
    }
    this.setState('reconnecting');
    this.cancelRetry();
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.backoff.nextDelayMs());
  }

  private ping(socket: SocketLike): void {
    try {
      socket.send(PING_FRAME);
    } catch {
      // A socket that cannot send is closing; onclose reconnects.
    }
  }

  private dropSocket(): void {
    const socket = this.socket;
    this.clearSocket();
    if (socket !== null) {
      socket.onopen = null;
      socket.onmessage = null;
      socket.onclose = null;
      socket.onerror = null;
      try {
        socket.close(1000, 'client closing');
      } catch {
        // Already closed.
      }
    }
  }

  private clearSocket(): void {
    this.socket = null;
    this.openedAt = null;
    if (this.pingTimer !== null) {
      this.timers.clearInterval(this.pingTimer);
      this.pingTimer = null;
    }
  }

  private cancelRetry(): void {
    if (this.retryTimer !== null) {
      this.timers.clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
  }

  private setState(state: ConnectionState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.options.onStateChange(state);
  }
}
