import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  normalisePhone,
  parseAreaHundredths,
  parseBirthYear,
  parseRelation,
  parseSpecialCare,
  normaliseUnit,
  splitHouseholdLabel,
  readLedgerRow,
  planLedgerImport,
  type LedgerCells,
  type LedgerInputRow,
  type LedgerSnapshot,
} from '../src/index.js';

describe('ledger cells', () => {
  it('phones: 11 digits from 13–19, separators and +86 dropped; empty is empty; the rest refused', () => {
    const table: [string, string | null][] = [
      ['13900009001', '13900009001'],
      [' 139 0000 9001 ', '13900009001'],
      ['139-0000-9001', '13900009001'],
      ['+86 139 0000 9001', '13900009001'],
      ['8613900009001', '13900009001'],
      ['１３９００００９００１', '13900009001'], // full-width digits
      ['', ''],
      ['1390000900', null], // 10 digits
      ['12900009001', null], // 12x is not a mobile prefix
      ['139****9001', null], // a masked export
      ['027-88886666', null], // a landline
    ];
    for (const [cell, want] of table) assert.equal(normalisePhone(cell), want, cell);
  });

  it('areas in hundredths from the digits, with units; at most two decimals, positive, ≤ 10,000 m²', () => {
    const table: [string, number | '' | null][] = [
      ['89.5', 8950],
      ['89.50㎡', 8950],
      ['89.05', 8905],
      ['120平方米', 12000],
      ['0.01', 1],
      ['10000', 1_000_000],
      ['89.500', 8950],
      [' 75 m2', 7500],
      ['', ''],
      ['0', null],
      ['10000.01', null],
      ['89.555', null],
      ['-5', null],
      ['八十', null],
      ['1,200', null],
    ];
    for (const [cell, want] of table) assert.equal(parseAreaHundredths(cell), want, cell);
  });

  it('birth years between 1900 and this year', () => {
    assert.equal(parseBirthYear('1948', 2026), 1948);
    assert.equal(parseBirthYear('1948年', 2026), 1948);
    assert.equal(parseBirthYear('', 2026), '');
    assert.equal(parseBirthYear('2026', 2026), 2026);
    assert.equal(parseBirthYear('2027', 2026), null);
    assert.equal(parseBirthYear('1899', 2026), null);
    assert.equal(parseBirthYear('48', 2026), null);
  });

  it('身份 words and special-care labels', () => {
    assert.equal(parseRelation('业主'), 'owner');
    assert.equal(parseRelation('户主'), 'owner');
    assert.equal(parseRelation(' 租客 '), 'tenant');
    assert.equal(parseRelation('家属'), 'family');
    assert.equal(parseRelation('房东'), null);
    assert.deepEqual(parseSpecialCare(''), []);
    assert.deepEqual(parseSpecialCare('低保、独居老人'), ['living_alone_elderly', 'minimum_living']);
    assert.deepEqual(parseSpecialCare('残疾人, 残疾人；特困'), ['disabled', 'extreme_poverty']);
    assert.equal(parseSpecialCare('独居老人、困难户'), null);
  });

  it('units and stored labels', () => {
    assert.equal(normaliseUnit('2'), '2单元');
    assert.equal(normaliseUnit('2单元'), '2单元');
    assert.equal(normaliseUnit(''), null);
    assert.deepEqual(splitHouseholdLabel('2单元301'), { unit: '2单元', door: '301' });
    assert.deepEqual(splitHouseholdLabel('301'), { unit: null, door: '301' });
    assert.deepEqual(splitHouseholdLabel('A座1201'), { unit: 'A座', door: '1201' });
  });

  it('a row reads into its stored values, or the first problem naming its column', () => {
    const cells: LedgerCells = { 楼栋: '青和居1栋', 单元: '2', 门牌: '301室', 专有部分面积: '89.5', 姓名: '刘德明', 手机号: '139 0000 9001', 身份: '户主', 出生年份: '1950', 特殊人群: '独居老人' };
    assert.deepEqual(readLedgerRow(2, cells, 2026), {
      ok: true,
      row: { row: 2, building: '青和居1栋', unit: '2单元', door: '301', areaHundredths: 8950, name: '刘德明', phone: '13900009001', relation: 'owner', birthYear: 1950, specialCare: ['living_alone_elderly'] },
    });
    const bad = (patch: LedgerCells) => {
      const r = readLedgerRow(3, { ...cells, ...patch }, 2026);
      return r.ok ? null : [r.reason, r.column];
    };
    assert.deepEqual(bad({ 楼栋: ' ' }), ['building_missing', '楼栋']);
    assert.deepEqual(bad({ 门牌: '' }), ['door_missing', '门牌']);
    assert.deepEqual(bad({ 姓名: '' }), ['name_missing', '姓名']);
    assert.deepEqual(bad({ 手机号: '1390000900' }), ['phone_invalid', '手机号']);
    assert.deepEqual(bad({ 专有部分面积: '89.555' }), ['area_invalid', '专有部分面积']);
    assert.deepEqual(bad({ 出生年份: '3000' }), ['birth_year_invalid', '出生年份']);
    assert.deepEqual(bad({ 身份: '房东' }), ['relation_invalid', '身份']);
    assert.deepEqual(bad({ 特殊人群: '困难户' }), ['special_care_unknown', '特殊人群']);
    const msg = readLedgerRow(3, { ...cells, 手机号: '1390000900' }, 2026);
    assert.equal(msg.ok ? '' : msg.message, '手机号应为11位数字，以13–19开头，或留空');
  });
});

const ALL_COLUMNS = { 专有部分面积: true, 手机号: true, 出生年份: true, 特殊人群: true } as const;

function rows(...list: LedgerCells[]): LedgerInputRow[] {
  return list.map((cells, i) => ({ row: i + 2, cells, read: readLedgerRow(i + 2, cells, 2026) }));
}
const cell = (building: string, unit: string, door: string, name: string, phone: string, relation: string, extra: LedgerCells = {}): LedgerCells => ({
  楼栋: building,
  单元: unit,
  门牌: door,
  姓名: name,
  手机号: phone,
  身份: relation,
  ...extra,
});

// One building with one flat: 王秀英 (owner, 13871000001, 89.50 m²) and her husband 李明 (family, no phone).
const ledger: LedgerSnapshot = {
  buildings: [{ id: 1, name: '青和居1栋' }],
  households: [{ id: 10, buildingId: 1, unit: '1单元', door: '101', areaHundredths: 8950 }],
  members: [
    { id: 100, householdId: 10, personId: 1000, relation: 'owner' },
    { id: 101, householdId: 10, personId: 1001, relation: 'family' },
  ],
  persons: [
    { id: 1000, name: '王秀英', phone: '13871000001', birthYear: 1952, specialCare: [] },
    { id: 1001, name: '李明', phone: null, birthYear: null, specialCare: [] },
  ],
};
const sameFile = () =>
  rows(
    cell('青和居1栋', '1', '101', '王秀英', '13871000001', '业主', { 专有部分面积: '89.50', 出生年份: '1952' }),
    cell('青和居1栋', '1单元', '101', '李明', '', '家属', { 专有部分面积: '89.5' }),
  );

describe('the import planner', () => {
  it('the ledger as it is: nothing added, nothing changed, no one missing', () => {
    const plan = planLedgerImport(ledger, sameFile(), ALL_COLUMNS);
    assert.deepEqual([plan.added, plan.changed, plan.unchanged, plan.rows, plan.rejected, plan.missing], [0, 0, 2, [], [], []]);
    assert.deepEqual([plan.newHouseholds, plan.newPersons, plan.newMembers, plan.personChanges, plan.householdChanges, plan.memberChanges], [[], [], [], [], [], []]);
    assert.match(plan.planHash, /^[0-9a-f]{16}$/);
    assert.equal(planLedgerImport(ledger, sameFile(), ALL_COLUMNS).planHash, plan.planHash, 'the same input, the same hash');
  });

  it('changes: the area, a phone for 李明, his 身份 and flags; 王秀英 left alone', () => {
    const plan = planLedgerImport(
      ledger,
      rows(
        cell('青和居1栋', '1', '101', '王秀英', '13871000001', '业主', { 专有部分面积: '90', 出生年份: '1952' }),
        cell('青和居1栋', '1', '101', '李明', '13900000002', '业主', { 特殊人群: '残疾人' }),
      ),
      ALL_COLUMNS,
    );
    assert.deepEqual(plan.rows, [
      { row: 2, action: 'change', household: '青和居1栋1单元101', newHousehold: false, newBuilding: false, name: '王秀英', phone: '13871000001', relation: 'owner', changes: ['area'] },
      { row: 3, action: 'change', household: '青和居1栋1单元101', newHousehold: false, newBuilding: false, name: '李明', phone: '13900000002', relation: 'owner', changes: ['phone', 'relation', 'specialCare'] },
    ]);
    assert.deepEqual(plan.householdChanges, [{ householdId: 10, areaHundredths: 9000 }]);
    assert.deepEqual(plan.personChanges, [{ personId: 1001, name: '李明', phone: '13900000002', birthYear: null, specialCare: ['disabled'], fields: ['phone', 'specialCare'] }]);
    assert.deepEqual(plan.memberChanges, [{ memberId: 101, relation: 'owner' }]);
    assert.deepEqual([plan.added, plan.changed, plan.unchanged], [0, 2, 0]);
    assert.notEqual(plan.planHash, planLedgerImport(ledger, sameFile(), ALL_COLUMNS).planHash);
  });

  it('an empty phone keeps the stored one; a file without a column leaves that value alone', () => {
    const plan = planLedgerImport(ledger, rows(cell('青和居1栋', '1', '101', '王秀英', '', '业主')), { 手机号: true });
    assert.deepEqual([plan.changed, plan.unchanged, plan.personChanges, plan.householdChanges], [0, 1, [], []]);
    // 李明 is not in this file: he is missing, not ended.
    assert.deepEqual(plan.missing, [{ memberId: 101, household: '青和居1栋1单元101', name: '李明', relation: 'family' }]);
  });

  it('adds: a new flat in a new building, a new person, an owner of two flats counted once as a person', () => {
    const plan = planLedgerImport(
      ledger,
      [
        ...sameFile(),
        ...rows(
          {},
          {},
          cell('青和居1栋', '2', '502', '陈芳', '13900000003', '业主', { 专有部分面积: '120' }),
          cell('青和居9栋', '', '101', '陈芳', '13900000003', '业主'),
          cell('青和居9栋', '', '101', '周强', '', '租户'),
        ).slice(2),
      ],
      ALL_COLUMNS,
    );
    assert.deepEqual(plan.newBuildings, ['青和居9栋']);
    assert.deepEqual(plan.newHouseholds, [
      { key: 'h4', building: '青和居1栋', buildingId: 1, unit: '2单元', door: '502', areaHundredths: 12000 },
      { key: 'h5', building: '青和居9栋', buildingId: null, unit: null, door: '101', areaHundredths: null },
    ]);
    assert.deepEqual(plan.newPersons, [
      { key: 'p4', name: '陈芳', phone: '13900000003', birthYear: null, specialCare: [] },
      { key: 'p6', name: '周强', phone: null, birthYear: null, specialCare: [] },
    ]);
    assert.deepEqual(plan.newMembers, [
      { row: 4, household: { key: 'h4' }, person: { key: 'p4' }, relation: 'owner' },
      { row: 5, household: { key: 'h5' }, person: { key: 'p4' }, relation: 'owner' },
      { row: 6, household: { key: 'h5' }, person: { key: 'p6' }, relation: 'tenant' },
    ]);
    assert.deepEqual([plan.added, plan.changed, plan.unchanged], [3, 0, 2]);
    assert.deepEqual(plan.rows.map((r) => r.household), ['青和居1栋2单元502', '青和居9栋101', '青和居9栋101']);
    // The report says which rows make a flat (and a building) the ledger did not have: a mistyped door number shows.
    assert.deepEqual(plan.rows.map((r) => [r.newHousehold, r.newBuilding]), [[true, false], [true, true], [true, true]]);
  });

  it('rejects rows that contradict the file: a repeated row, one phone under two names, two areas of one flat', () => {
    const plan = planLedgerImport(
      ledger,
      rows(
        cell('青和居1栋', '1', '101', '王秀英', '13871000001', '业主', { 专有部分面积: '89.50', 出生年份: '1952' }),
        cell('青和居1栋', '1', '101', '王秀英', '13871000001', '业主', { 专有部分面积: '89.50', 出生年份: '1952' }),
        cell('青和居1栋', '1', '101', '张伟', '13871000001', '家属'),
        cell('青和居1栋', '1', '101', '李明', '', '家属', { 专有部分面积: '95' }),
        cell('青和居1栋', '1', '101', '赵六', '1390000900', '家属'),
      ),
      ALL_COLUMNS,
    );
    assert.deepEqual(
      plan.rejected.map((r) => [r.row, r.reason, r.column]),
      [
        [3, 'duplicate_row', '姓名'],
        [4, 'phone_conflict', '手机号'],
        [5, 'area_conflict', '专有部分面积'],
        [6, 'phone_invalid', '手机号'],
      ],
    );
    assert.equal(plan.rejected[2].message, '同一户前面一行的面积是89.50，请核对');
    assert.deepEqual(plan.rejected[3].cells, { 楼栋: '青和居1栋', 单元: '1', 门牌: '101', 姓名: '赵六', 手机号: '1390000900', 身份: '家属' });
    // 李明's row was rejected, not dropped: he is not reported missing.
    assert.deepEqual(plan.missing, []);
    assert.deepEqual([plan.added, plan.changed, plan.unchanged], [0, 0, 1]);
  });

  it('a phone another person holds in the ledger is a conflict; a WeChat user with no typed name is that person', () => {
    const withOthers: LedgerSnapshot = {
      ...ledger,
      persons: [...ledger.persons, { id: 2000, name: '黄丽华', phone: '13673000001', birthYear: null, specialCare: [] }, { id: 2001, name: null, phone: '13900009001', birthYear: null, specialCare: [] }],
    };
    const plan = planLedgerImport(
      withOthers,
      rows(cell('青和居1栋', '1', '101', '刘强', '13673000001', '租户'), cell('青和居1栋', '1', '101', '刘德明', '13900009001', '租户'), cell('青和居1栋', '1', '101', '李明', '13673000001', '家属')),
      { 手机号: true },
    );
    assert.deepEqual(plan.rejected.map((r) => [r.row, r.reason]), [[2, 'phone_conflict'], [4, 'phone_conflict']]);
    assert.deepEqual(plan.newPersons, []);
    assert.deepEqual(plan.newMembers, [{ row: 3, household: { id: 10 }, person: { id: 2001 }, relation: 'tenant' }]);
    assert.deepEqual(plan.personChanges, [{ personId: 2001, name: '刘德明', phone: '13900009001', birthYear: null, specialCare: [], fields: ['name'] }]);
  });

  it('a name corrected under the same phone is a name change, not a new person', () => {
    const plan = planLedgerImport(ledger, rows(cell('青和居1栋', '1', '101', '王秀瑛', '13871000001', '业主')), { 手机号: true });
    assert.deepEqual(plan.rows, [{ row: 2, action: 'change', household: '青和居1栋1单元101', newHousehold: false, newBuilding: false, name: '王秀瑛', phone: '13871000001', relation: 'owner', changes: ['name'] }]);
    assert.deepEqual(plan.newMembers, []);
  });

  it('people of other buildings are never missing; the hash follows the missing list', () => {
    const other = planLedgerImport(ledger, rows(cell('青和居2栋', '1', '101', '孙丽', '', '业主')), {});
    assert.deepEqual(other.missing, []);
    const covered = planLedgerImport(ledger, rows(cell('青和居1栋', '1', '101', '王秀英', '', '业主')), {});
    const lessMembers = planLedgerImport({ ...ledger, members: ledger.members.slice(0, 1) }, rows(cell('青和居1栋', '1', '101', '王秀英', '', '业主')), {});
    assert.deepEqual(covered.missing.map((m) => m.memberId), [101]);
    assert.notEqual(covered.planHash, lessMembers.planHash);
  });
  it('a phone its owner proved through WeChat is not changed by a file', () => {
    const proven: LedgerSnapshot = { ...ledger, persons: [{ ...ledger.persons[0], phoneVerified: true }, ledger.persons[1]] };
    const plan = planLedgerImport(proven, rows(cell('青和居1栋', '1', '101', '王秀英', '13900000009', '业主')), { 手机号: true });
    assert.deepEqual(plan.rejected.map((r) => [r.row, r.reason, r.message]), [[2, 'phone_conflict', '此人的手机号已由本人在微信中验证，台账不能修改，请核对']]);
    assert.deepEqual(plan.personChanges, []);
  });
});
