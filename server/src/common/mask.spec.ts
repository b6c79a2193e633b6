import { describe, expect, it } from '@jest/globals';
import { maskName, maskPhone } from './mask.js';

describe('masking personal data', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['12345', '*****'],
    [null, null],
  ])('phone %s → %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it('shortens names', () => expect(maskName('王秀英')).toBe('王**'));
});
