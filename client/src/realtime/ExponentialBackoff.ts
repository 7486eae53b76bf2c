export interface BackoffOptions {
  readonly baseMs?: number;
  readonly capMs?: number;
  /** Uniform in [0, 1); injectable so tests can pin the jitter. */
  readonly random?: () => number;
}

/**
 * Reconnect delays that double from `baseMs` up to `capMs`, with "equal jitter": each delay is
 * between half and all of its ceiling, so tabs that lost the server together do not return together,
 * yet every delay still grows with the attempt count.
 */
export class ExponentialBackoff {
  private attempt = 0;
  private readonly baseMs: number;
  private readonly capMs: number;
  private readonly random: () => number;

  constructor(options: BackoffOptions = {}) {
    this.baseMs = options.baseMs ?? 500;
    this.capMs = options.capMs ?? 30_000;
    this.random = options.random ?? Math.random;
    if (!(this.baseMs > 0) || !(this.capMs >= this.baseMs)) {
      throw new RangeError('Backoff needs 0 < baseMs <= capMs.');
    }
  }

  /** The ceiling for the attempt about to be made (before jitter). */
  ceilingFor(attempt: number): number {
    // Clamping the exponent keeps the power finite however long the outage lasts.
    return Math.min(this.capMs, this.baseMs * 2 ** Math.min(attempt, 30));
  }

  nextDelayMs(): number {
    const ceiling = this.ceilingFor(this.attempt);
    this.attempt++;
    const jitter = Math.min(Math.max(this.random(), 0), 1);
    return Math.round(ceiling / 2 + (ceiling / 2) * jitter);
  }

  /** Call once a connection has proved healthy. */
  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}
