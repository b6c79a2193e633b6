import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Every refusal tells the person what to do next (issue 11, "plain words"): 请重新选择, 请刷新, 请联系居委会…
 * This reads each message written in the server's code (`Errors.*(…)`, `new AppError(…)`, the defaults in
 * app-error.ts) and asks for a next step in it. Left out: VALIDATION_FAILED (`Errors.validation`), whose
 * messages name the expected form of a field (`手机号应为11位数字`), `Errors.notFound`, which takes a noun
 * for the default sentence (checked here too), and the answer to WeChat's own servers (WECHAT_PUSH_REFUSED).
 */
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NEXT_STEP = /请|可以|可在|再试|联系|稍后/;
const MESSAGE = /(?:Errors\.(?!validation|notFound)\w+\(\s*(?:'[A-Z_]+'\s*,\s*)?|new AppError\(\s*\d+\s*,\s*'(?!VALIDATION_FAILED|WECHAT_PUSH_REFUSED)[A-Z_]+'\s*,\s*|message = |`\$\{what\})([`'])((?:(?!\1).)*)\1/g;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [p] : [];
  });
}

describe('error messages say what to do next', () => {
  const messages = sources(SRC).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(MESSAGE)].map((m) => ({ file: path.relative(SRC, file), text: m[2] })));

  it('finds the messages it checks', () => {
    // A handful known by heart: the regex still sees them.
    const texts = messages.map((m) => m.text);
    expect(texts).toContain('所选楼栋不存在，请重新选择');
    expect(texts).toContain('您的身份不能执行此操作，如需办理请联系社区居委会');
    expect(messages.length).toBeGreaterThan(40);
  });

  it('each names a next step', () => {
    expect(messages.filter((m) => !NEXT_STEP.test(m.text))).toEqual([]);
  });
});
