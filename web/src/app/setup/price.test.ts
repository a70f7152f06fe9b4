import { describe, expect, it } from 'vitest';
import { priceToCents } from './price';

describe('price field', () => {
  it('reads whole and decimal prices with a point or a comma, exactly in cents', () => {
    expect(priceToCents('35')).toBe(3500);
    expect(priceToCents(' 35.5 ')).toBe(3550);
    expect(priceToCents('19,99')).toBe(1999);
    expect(priceToCents('0.29')).toBe(29);
  });

  it('takes an empty field as no price and refuses anything else', () => {
    expect(priceToCents('')).toBeNull();
    for (const bad of ['-5', '3.999', 'abc', '1e3', '35 EUR']) expect(priceToCents(bad), bad).toBeNaN();
  });
});
