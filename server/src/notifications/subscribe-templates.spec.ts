import { describe, expect, it } from '@jest/globals';
import { cutToKey, parseSubscribeTemplates, templateData, templateFor } from './subscribe-templates.js';

describe('subscribe-message templates', () => {
  it('cuts each key type to WeChat’s limit', () => {
    const cases: [string, string, string][] = [
      ['thing1', '一二三四五六七八九十一二三四五六七八九十', '一二三四五六七八九十一二三四五六七八九十'], // 20 fits
      ['thing1', '一二三四五六七八九十一二三四五六七八九十一', '一二三四五六七八九十一二三四五六七八九…'], // 21 → 19 + …
      ['phrase2', '不满意重办理', '不满意重办'],
      ['character_string3', '20261123-000123 号', '20261123-000123'],
      ['name4', '欧阳一二三四五六七八九', '欧阳一二三四五六七八'],
      ['thing5', '  两个\n空格  ', '两个 空格'],
      ['thing6', '', '无'],
      ['character_string7', '中文', '-'],
    ];
    for (const [key, value, expected] of cases) expect({ key, value, out: cutToKey(key, value) }).toEqual({ key, value, out: expected });
  });

  it('formats times on the community’s wall clock', () => {
    const t = parseSubscribeTemplates(JSON.stringify({ '*': { id: 'T', fields: { time1: 'time', date2: 'time', thing3: 'place' } } }));
    const parts = { title: '', status: '', at: new Date('2026-11-23T16:30:00Z'), note: '', place: '青和居第一网格', handler: '' };
    // 16:30 UTC is 00:30 the next day in Beijing (UTC+8), 10:30 the same day at UTC−6.
    expect(templateData(templateFor(t, 'accepted')!, parts, 480)).toEqual({ time1: { value: '2026年11月24日 00:30' }, date2: { value: '2026年11月24日' }, thing3: { value: '青和居第一网格' } });
    expect(templateData(templateFor(t, 'accepted')!, parts, -360).time1).toEqual({ value: '2026年11月23日 10:30' });
  });

  it('uses a kind’s own template, else *, else none', () => {
    const t = parseSubscribeTemplates(JSON.stringify({ dispatched: { id: 'D', fields: { thing1: 'title' } } }));
    expect(templateFor(t, 'dispatched')?.id).toBe('D');
    expect(templateFor(t, 'accepted')).toBeNull();
    expect(parseSubscribeTemplates(undefined)).toEqual({});
  });

  it('refuses at start a mapping WeChat would refuse at every send', () => {
    const bad: [unknown, RegExp][] = [
      [{ nosuchkind: { id: 'X', fields: { thing1: 'title' } } }, /no notification kind/],
      [{ '*': { fields: { thing1: 'title' } } }, /id must be/],
      [{ '*': { id: 'X', fields: { amount1: 'title' } } }, /not a key type/],
      [{ '*': { id: 'X', fields: { thing1: 'body' } } }, /none of/],
      [{ '*': { id: 'X', fields: { time1: 'title' } } }, /carries the time/],
      [{ '*': { id: 'X', fields: { thing1: 'time' } } }, /text, not the time/],
    ];
    for (const [config, message] of bad) expect(() => parseSubscribeTemplates(JSON.stringify(config))).toThrow(message);
    expect(() => parseSubscribeTemplates('{')).toThrow(/not valid JSON/);
  });
});
