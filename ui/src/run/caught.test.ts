import { describe, expect, it } from 'vitest';
import { caughtSentence } from './caught';

describe('caughtSentence', () => {
  const base = { state: 'Charge card', error: 'PaymentDeclined', cause: null, rule: 1, rules: 1, next: 'Payment failed' };
  it.each([
    [base, 'Paused: “Charge card” failed with PaymentDeclined and its Catch goes to “Payment failed”.'],
    [{ ...base, rule: 2, rules: 3 }, 'Paused: “Charge card” failed with PaymentDeclined and its Catch rule 2 of 3 goes to “Payment failed”.'],
    [{ ...base, error: null }, 'Paused: “Charge card” failed with an unnamed error and its Catch goes to “Payment failed”.'],
  ])('says what was caught and where it goes (%#)', (caught, sentence) => {
    expect(caughtSentence(caught)).toBe(sentence);
  });
});
