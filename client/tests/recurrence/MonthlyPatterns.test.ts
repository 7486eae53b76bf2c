import { describe, expect, it } from 'vitest';
import { monthlyPatternText, monthlyPatternsFor } from '../../src/recurrence/MonthlyPatterns';

function texts(date: string): string[] {
  return monthlyPatternsFor(date).map(monthlyPatternText);
}

describe('monthlyPatternsFor', () => {
  it('offers the day number and the Nth weekday', () => {
    expect(texts('2026-12-01')).toEqual(['on day 1', 'on the 1st Tuesday']);
    expect(texts('2026-12-08')).toEqual(['on day 8', 'on the 2nd Tuesday']);
    expect(texts('2026-12-16')).toEqual(['on day 16', 'on the 3rd Wednesday']);
  });

  it('offers "last" in the last seven days of the month, as well as the 4th', () => {
    expect(texts('2026-12-25')).toEqual(['on day 25', 'on the 4th Friday', 'on the last Friday']);
    expect(texts('2026-02-27')).toEqual(['on day 27', 'on the 4th Friday', 'on the last Friday']);
  });

  it('offers "last" instead of a 5th weekday, which some months lack', () => {
    expect(texts('2026-12-29')).toEqual(['on day 29', 'on the last Tuesday']);
  });
});
