import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { maskPersonalText } from '../src/index.js';

/** Each way a person types a number into a report, and what a neighbour reading it must see. */
const CASES: [string, string, string][] = [
  ['mobile', '请联系13812345678', '请联系*********78'],
  ['mobile with spaces', '电话 138 1234 5678', '电话 *** **** **78'],
  ['mobile with dashes', '138-1234-5678', '***-****-**78'],
  ['+86 prefix', '+86 13812345678', '+** *********78'],
  ['0086 prefix', '008613812345678', '*************78'],
  ['full-width digits', '电话１３８１２３４５６７８', '电话*********７８'],
  ['longer than a mobile', '13812345678999', '************99'],
  ['18-digit ID', '身份证110101199003078888', '身份证****************88'],
  ['ID ending in X', '42010619850101123X', '***************23*'],
  ['full-width ID', '４２０１０６１９８５０１０１１２３Ｘ', '***************２３*'],
  ['old 15-digit ID', '420106850101123', '*************23'],
  ['landline with area code', '027-87654321', '***-******21'],
  ['landline in brackets', '(027)87654321', '(***)******21'],
  ['bare landline', '87654321', '******21'],
  ['e-mail', '发到 wang.xiuying@example.com', '发到 w***********@example.com'],
  ['door after building and unit', '青和居1栋2单元501', '青和居1栋2单元***'],
  ['door after 号楼', '3号楼1201漏水', '3号楼****漏水'],
  ['door before 室', '住在302室', '住在***室'],
  ['door before 房', '1201房漏水', '****房漏水'],
  ['door after building, before 户', '1栋302户', '1栋***户'],
  ['a count of households stays', '全楼23户都停水了', '全楼23户都停水了'],
  ['a larger count stays', '小区1000多户，120户没有热水', '小区1000多户，120户没有热水'],
  ['the layout of a flat stays', '2室1厅', '2室1厅'],
  ['building-unit-door', '5-2-301门口', '5-2-***门口'],
  ['a date stays', '2026-11-23起', '2026-11-23起'],
  ['short numbers stay', '3楼东侧有2个垃圾桶满了', '3楼东侧有2个垃圾桶满了'],
  ['a time stays', '晚上10:30以后很吵', '晚上10:30以后很吵'],
  ['plain text stays', '楼下垃圾桶满了', '楼下垃圾桶满了'],
];

describe('maskPersonalText', () => {
  for (const [what, input, expected] of CASES) {
    it(`${what}: ${input} → ${expected}`, () => {
      assert.equal(maskPersonalText(input), expected);
    });
  }

  it('keeps the length, so the reader sees where something was hidden', () => {
    for (const [, input] of CASES) assert.equal(maskPersonalText(input).length, input.length);
  });
});
