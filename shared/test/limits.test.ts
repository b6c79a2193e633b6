import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText, descriptionProblem, requiredTextProblem, textLength } from '../src/index.js';

describe('input limits', () => {
  it('counts characters as people do, emoji as one, outer spaces not at all', () => {
    assert.equal(textLength('  漏水 '), 2);
    assert.equal(textLength('灯坏了💡'), 4);
  });

  it('a report with a photo needs no words (随手拍), without one four characters', () => {
    assert.equal(descriptionProblem('漏水', 1), null);
    assert.equal(descriptionProblem('', 1), null);
    assert.equal(descriptionProblem('字'.repeat(501), 1), '描述不能超过500字');
    assert.equal(descriptionProblem('门口积水', 0), null);
    assert.equal(descriptionProblem('灯坏了', 0), '请用至少4个字描述问题，或拍张照片');
    assert.equal(descriptionProblem('字'.repeat(500), 0), null);
    assert.equal(descriptionProblem('字'.repeat(501), 0), '描述不能超过500字');
  });

  it('drops invisible characters: a text of zero-width spaces is empty, a bidi override is gone', () => {
    assert.equal(cleanText('\u200B\u200B\u200B\u200B'), '');
    assert.equal(descriptionProblem('\u200B\u200C\u200D\uFEFF\u2060', 0), '请用至少4个字描述问题，或拍张照片');
    assert.equal(cleanText('门口\u202E积水\u202C'), '门口积水');
    assert.equal(cleanText('  路灯不亮 '), '路灯不亮');
  });

  it('a required reason has a floor and a ceiling', () => {
    assert.equal(requiredTextProblem('不是', 2, 200, '原因'), null);
    assert.equal(requiredTextProblem(' 无 ', 2, 200, '原因'), '请填写原因（至少2个字）');
    assert.equal(requiredTextProblem('长'.repeat(201), 2, 200, '原因'), '原因不能超过200字');
  });
});
