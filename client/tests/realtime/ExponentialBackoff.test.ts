import { describe, expect, it } from 'vitest';
import { ExponentialBackoff } from '../../src/realtime/ExponentialBackoff';

function delays(backoff: ExponentialBackoff, count: number): number[] {
  return Array.from({ length: count }, () => backoff.nextDelayMs());
}

describe('ExponentialBackoff', () => {
  it('doubles from 0.5 s up to the 30 s cap', () => {
    const backoff = new ExponentialBackoff({ random: () => 1 });
    expect(delays(backoff, 9)).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('jitters each delay between half and all of its ceiling', () => {
    const low = new ExponentialBackoff({ random: () => 0 });
    expect(delays(low, 8)).toEqual([250, 500, 1000, 2000, 4000, 8000, 15000, 15000]);
    const mid = new ExponentialBackoff({ random: () => 0.5 });
    expect(delays(mid, 3)).toEqual([375, 750, 1500]);
  });

  it('stays within bounds for any random source, even after very many attempts', () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const backoff = new ExponentialBackoff({ random });
    const values = delays(backoff, 300);
    for (const [attempt, delay] of values.entries()) {
      const ceiling = Math.min(30000, 500 * 2 ** attempt);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
    expect(new Set(values.slice(10, 30)).size).toBeGreaterThan(1);
  });

  it('clamps a random source that strays outside [0, 1)', () => {
    expect(new ExponentialBackoff({ random: () => 7 }).nextDelayMs()).toBe(500);
    expect(new ExponentialBackoff({ random: () => -3 }).nextDelayMs()).toBe(250);
  });

  it('starts again from the base after reset', () => {
    const backoff = new ExponentialBackoff({ random: () => 1 });
    delays(backoff, 5);
    backoff.reset();
    expect(backoff.nextDelayMs()).toBe(500);
  });

  it('rejects a cap below the base', () => {
    expect(() => new ExponentialBackoff({ baseMs: 1000, capMs: 500 })).toThrow(RangeError);
  });
});
