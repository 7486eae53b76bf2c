import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../src/realtime/ConnectionState';
import type { ServerMessage } from '../../src/realtime/ChangeMessage';
import { ExponentialBackoff } from '../../src/realtime/ExponentialBackoff';
import { RealtimeConnection, type RealtimeTimers, type SocketLike } from '../../src/realtime/RealtimeConnection';

class FakeSocket implements SocketLike {
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly sent: string[] = [];
  closed = false;

  constructor(readonly url: string) {}

  send(data: string): void {
    this.sent.push(data);
  }

  close(): void {
    this.closed = true;
  }

  open(): void {
    this.onopen?.(new Event('open'));
  }

  receive(data: string): void {
    this.onmessage?.({ data } as MessageEvent);
  }

  drop(): void {
    this.onclose?.({ code: 1006 } as CloseEvent);
  }
}

/** Timers driven by hand: `advance` runs whatever falls due, in order. */
class ManualTimers implements RealtimeTimers {
  private time = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void; every: number | null }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { at: this.time + ms, callback, every: null });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  setInterval(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { at: this.time + ms, callback, every: ms });
    return id;
  }

  clearInterval(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  get scheduledDelays(): number[] {
    return [...this.pending.values()].filter((t) => t.every === null).map((t) => t.at - this.time);
  }

  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      const [id, timer] = due;
      this.time = timer.at;
      if (timer.every === null) this.pending.delete(id);
      else timer.at += timer.every;
      timer.callback();
      await flush();
    }
    this.time = end;
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function setup(options: { online?: () => boolean; ticketFailures?: number } = {}) {
  const timers = new ManualTimers();
  const sockets: FakeSocket[] = [];
  const states: ConnectionState[] = [];
  const messages: ServerMessage[] = [];
  let connectedCount = 0;
  let ticketCount = 0;
  let failuresLeft = options.ticketFailures ?? 0;
  const connection = new RealtimeConnection({
    webSocketUrl: 'ws://127.0.0.1:5080/ws',
    requestTicket: () => {
      ticketCount++;
      if (failuresLeft > 0) {
        failuresLeft--;
        return Promise.reject(new Error('ticket service down'));
      }
      return Promise.resolve(`ticket ${ticketCount}/+`);
    },
    onMessage: (message) => messages.push(message),
    onConnected: () => connectedCount++,
    onStateChange: (state) => states.push(state),
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    backoff: new ExponentialBackoff({ random: () => 1 }),
    timers,
    isOnline: options.online ?? (() => true),
  });
  return {
    connection, timers, sockets, states, messages,
    get connectedCount() { return connectedCount; },
    get ticketCount() { return ticketCount; },
  };
}

describe('RealtimeConnection', () => {
  it('opens the socket with a URL-encoded ticket and reports live once open', async () => {
    const t = setup();
    t.connection.start();
    await flush();
    expect(t.sockets).toHaveLength(1);
    expect(t.sockets[0]!.url).toBe('ws://127.0.0.1:5080/ws?ticket=ticket%201%2F%2B');
    expect(t.connection.state).toBe('reconnecting');
    t.sockets[0]!.open();
    expect(t.connection.state).toBe('live');
    expect(t.connectedCount).toBe(1);
  });

  it('delivers parsed change messages and ignores frames it does not understand', async () => {
    const t = setup();
    t.connection.start();
    await flush();
    t.sockets[0]!.open();
    t.sockets[0]!.receive('not json');
    t.sockets[0]!.receive(JSON.stringify({ type: 'event.changed', op: 'delete', eventId: 'e1', version: 4, event: null, seq: 9, at: '2026-01-01T00:00:00Z' }));
    t.sockets[0]!.receive(JSON.stringify({ type: 'pong' }));
    expect(t.messages.map((m) => m.type)).toEqual(['event.changed', 'pong']);
  });

  it('pings every four minutes while open', async () => {
    const t = setup();
    t.connection.start();
    await flush();
    t.sockets[0]!.open();
    await t.timers.advance(4 * 60_000 - 1);
    expect(t.sockets[0]!.sent).toEqual([]);
    await t.timers.advance(1);
    expect(t.sockets[0]!.sent).toEqual(['{"action":"ping"}']);
    await t.timers.advance(4 * 60_000);
    expect(t.sockets[0]!.sent).toHaveLength(2);
  });

  it('reconnects with growing delays and a fresh ticket each time, reloading after each reconnect', async () => {
    const t = setup();
    t.connection.start();
    await flush();
    t.sockets[0]!.open();

    t.sockets[0]!.drop();
    expect(t.connection.state).toBe('reconnecting');
    expect(t.timers.scheduledDelays).toEqual([500]);
    await t.timers.advance(500);
    expect(t.sockets).toHaveLength(2);
    expect(t.sockets[1]!.url).toContain('ticket=ticket%202');

    // Fails before opening: the next wait doubles.
    t.sockets[1]!.drop();
    expect(t.timers.scheduledDelays).toEqual([1000]);
    await t.timers.advance(1000);
    t.sockets[2]!.open();
    expect(t.connection.state).toBe('live');
    expect(t.connectedCount).toBe(2);
    expect(t.ticketCount).toBe(3);
  });

  it('retries after a failed ticket request', async () => {
    const t = setup({ ticketFailures: 2 });
    t.connection.start();
    await flush();
    expect(t.sockets).toHaveLength(0);
    expect(t.timers.scheduledDelays).toEqual([500]);
    await t.timers.advance(500);
    expect(t.timers.scheduledDelays).toEqual([1000]);
    await t.timers.advance(1000);
    expect(t.sockets).toHaveLength(1);
  });

  it('starts the backoff afresh after a connection that stayed up', async () => {
    const t = setup();
    t.connection.start();
    await flush();
    t.sockets[0]!.drop();
    await t.timers.advance(500);
    t.sockets[1]!.drop();
    await t.timers.advance(1000);
    t.sockets[2]!.open();
    await t.timers.advance(60_000);
    t.sockets[2]!.drop();
    expect(t.timers.scheduledDelays).toEqual([500]);
  });

  it('waits offline without retrying while the browser is offline, and connects when it returns', async () => {
    let online = true;
    const t = setup({ online: () => online });
    t.connection.start();
    await flush();
    t.sockets[0]!.open();

    online = false;
    t.connection.handleOffline();
    expect(t.connection.state).toBe('offline');
    expect(t.sockets[0]!.closed).toBe(true);
    expect(t.timers.scheduledDelays).toEqual([]);

    online = true;
    t.connection.handleOnline();
    await flush();
    expect(t.connection.state).toBe('reconnecting');
    t.sockets[1]!.open();
    expect(t.connection.state).toBe('live');
  });

  it('stops for good: closes the socket, cancels retries and ignores a late ticket', async () => {
    const t = setup();
    t.connection.start();
    await flush();
    t.sockets[0]!.drop();
    t.connection.stop();
    expect(t.connection.state).toBe('offline');
    expect(t.timers.scheduledDelays).toEqual([]);
    await t.timers.advance(60_000);
    expect(t.sockets).toHaveLength(1);

    const late = setup();
    late.connection.start();
    late.connection.stop();
    await flush();
    expect(late.sockets).toHaveLength(0);
  });
});
