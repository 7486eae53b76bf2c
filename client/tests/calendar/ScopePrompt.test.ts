// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ScopePrompt } from '../../src/calendar/ScopePrompt';

function mounted(): ScopePrompt {
  const prompt = new ScopePrompt();
  document.body.append(prompt.element);
  return prompt;
}

function byTestId(prompt: ScopePrompt, id: string): HTMLButtonElement {
  const found = prompt.element.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);
  if (found === null) throw new Error(`no ${id}`);
  return found;
}

afterEach(() => document.body.replaceChildren());

describe('ScopePrompt', () => {
  for (const [testId, scope] of [['scope-this', 'this'], ['scope-following', 'following'], ['scope-all', 'all']] as const) {
    it(`answers "${scope}" for ${testId} and closes`, async () => {
      const prompt = mounted();
      const answer = prompt.ask({ action: 'change', offerThis: true });
      expect(prompt.isOpen).toBe(true);
      byTestId(prompt, testId).click();
      await expect(answer).resolves.toBe(scope);
      expect(prompt.isOpen).toBe(false);
    });
  }

  it('answers null for Cancel and for Escape (the dialog\'s cancel event)', async () => {
    const prompt = mounted();
    const cancelled = prompt.ask({ action: 'delete', offerThis: true });
    byTestId(prompt, 'scope-cancel').click();
    await expect(cancelled).resolves.toBeNull();

    const escaped = prompt.ask({ action: 'move', offerThis: true });
    const cancel = new Event('cancel', { cancelable: true });
    prompt.element.dispatchEvent(cancel);
    await expect(escaped).resolves.toBeNull();
    expect(cancel.defaultPrevented).toBe(true);
    expect(prompt.isOpen).toBe(false);
  });

  it('names what is being done, is labelled by its heading and starts on the first choice', () => {
    const prompt = mounted();
    void prompt.ask({ action: 'delete', offerThis: true });
    const heading = document.getElementById(prompt.element.getAttribute('aria-labelledby') ?? '');
    expect(heading?.textContent).toBe('Delete recurring event');
    expect(document.getElementById(prompt.element.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/Which occurrences/);
    expect(document.activeElement).toBe(byTestId(prompt, 'scope-this'));
  });

  it('leaves "This event" out when the change cannot apply to one occurrence, starting on the next choice', () => {
    const prompt = mounted();
    void prompt.ask({ action: 'change', offerThis: false });
    expect(byTestId(prompt, 'scope-this').hidden).toBe(true);
    expect(byTestId(prompt, 'scope-following').hidden).toBe(false);
    expect(document.activeElement).toBe(byTestId(prompt, 'scope-following'));
    expect(prompt.element.textContent).toMatch(/cannot be made to this event alone/);
  });

  it('answers an earlier question with null when asked again, and when dismissed', async () => {
    const prompt = mounted();
    const first = prompt.ask({ action: 'move', offerThis: true });
    const second = prompt.ask({ action: 'move', offerThis: true });
    await expect(first).resolves.toBeNull();
    prompt.dismiss();
    await expect(second).resolves.toBeNull();
  });
});
