import { describe, expect, it } from '@jest/globals';
import { maskName, maskPhone, scrubPersonalData } from './mask.js';

describe('masking personal data', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['12345', '*****'],
    [null, null],
  ])('phone %s → %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it('shortens names', () => expect(maskName('王秀英')).toBe('王**'));

  it('hides phone and ID numbers typed into public text', () => {
    expect(scrubPersonalData('请联系 13812345678，身份证 42010619800101123X')).toBe('请联系 138****5678，身份证 420***********123X');
    expect(scrubPersonalData('3栋502 漏水')).toBe('3栋502 漏水');
  });
});
