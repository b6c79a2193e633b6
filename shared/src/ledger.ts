/**
 * 台账: the community's ledger of buildings, households and the people of each household, as
 * communities already keep it in spreadsheets. The columns, the words accepted in them, and the
 * rules that turn a file's rows into a plan of what an import adds, changes and leaves alone
 * (docs/ledger.md).
 */

/** The ledger's columns, in the order the template and the export write them. */
export const LEDGER_COLUMNS = ['楼栋', '单元', '门牌', '专有部分面积', '姓名', '手机号', '身份', '出生年份', '特殊人群'] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

/** A file without one of these columns is refused whole (LEDGER_COLUMNS_MISSING). */
export const LEDGER_REQUIRED_COLUMNS: readonly LedgerColumn[] = ['楼栋', '门牌', '姓名', '身份'];

/** 身份: how a person belongs to a household. */
export const MEMBER_RELATIONS = ['owner', 'tenant', 'family'] as const;
export type MemberRelation = (typeof MEMBER_RELATIONS)[number];
export const MEMBER_RELATION_LABELS: Record<MemberRelation, string> = { owner: '业主', tenant: '租户', family: '家属' };

/**
 * 特殊人群: sensitive personal data (PIPL art. 28). Read only by the committee and the grid worker of the
 * person's grid, and every reading of the list is logged (audit action `special_care_list`).
 */
export const SPECIAL_CARE_FLAGS = [
  'living_alone_elderly',
  'empty_nest_elderly',
  'disabled',
  'minimum_living',
  'extreme_poverty',
  'entitled_group',
] as const;
export type SpecialCareFlag = (typeof SPECIAL_CARE_FLAGS)[number];
export const SPECIAL_CARE_LABELS: Record<SpecialCareFlag, string> = {
  living_alone_elderly: '独居老人',
  empty_nest_elderly: '空巢老人',
  disabled: '残疾人',
  minimum_living: '低保',
  extreme_poverty: '特困',
  entitled_group: '优抚对象',
};

/** Why a row of an import is rejected (the message says it in words, naming the column). */
export const LEDGER_REJECT_REASONS = [
  'building_missing',
  'door_missing',
  'name_missing',
  'phone_invalid',
  'area_invalid',
  'birth_year_invalid',
  'relation_invalid',
  'special_care_unknown',
  'duplicate_row',
  'phone_conflict',
  'area_conflict',
] as const;
export type LedgerRejectReason = (typeof LEDGER_REJECT_REASONS)[number];

/** The fields of a ledger row an import may change. */
export const LEDGER_FIELDS = ['area', 'name', 'phone', 'relation', 'birthYear', 'specialCare'] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** One import takes at most this many rows (LEDGER_TOO_MANY_ROWS beyond). */
export const LEDGER_MAX_ROWS = 50_000;
/** 专有部分面积 above 10,000 m² is a typo, not a flat. */
export const LEDGER_MAX_AREA_HUNDREDTHS = 1_000_000;
/** Longest name, building and door the ledger keeps (the columns hold 64; people's names are short). */
export const LEDGER_MAX_NAME = 32;
export const LEDGER_MAX_PLACE = 32;

/** A row's cells as the file has them (text; empty cells absent or ''). */
export type LedgerCells = Partial<Record<LedgerColumn, string>>;

/** A row read and accepted: every value in its stored form. */
export interface LedgerRow {
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  building: string;
  /** `2单元`, or null without a unit. */
  unit: string | null;
  door: string;
  areaHundredths: number | null;
  name: string;
  phone: string | null;
  relation: MemberRelation;
  birthYear: number | null;
  specialCare: SpecialCareFlag[];
}

export type LedgerReadResult =
  | { ok: true; row: LedgerRow }
  | { ok: false; reason: LedgerRejectReason; column: LedgerColumn | null; message: string };

/** Full-width digits and letters as half-width, invisible spaces gone, outer spaces trimmed. */
export function normaliseCell(text: string | null | undefined): string {
  return (text ?? '').normalize('NFKC').replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').trim();
}

/**
 * A mainland mobile number: 11 digits starting 1[3-9], with spaces, dashes and a +86 prefix dropped.
 * '' for an empty cell, null for anything else.
 */
export function normalisePhone(text: string): string | null {
  let digits = normaliseCell(text).replace(/[\s\-()（）]/g, '');
  if (digits === '') return '';
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/**
 * 专有部分面积 in hundredths of m², read from the digits (no floating point): `89.5` → 8950,
 * `89.50㎡` → 8950, `120平方米` → 12000. Positive, at most two decimals, at most 10,000 m².
 * '' for an empty cell, null for anything else.
 */
export function parseAreaHundredths(text: string): number | '' | null {
  const cell = normaliseCell(text).replace(/\s/g, '').replace(/(平方米|平米|m2|M2)$/, '');
  if (cell === '') return '';
  const m = /^(\d{1,7})(?:\.(\d{0,2})0*)?$/.exec(cell);
  if (!m) return null;
  const hundredths = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return hundredths > 0 && hundredths <= LEDGER_MAX_AREA_HUNDREDTHS ? hundredths : null;
}

/** A birth year 1900–thisYear (`1948` or `1948年`); '' for an empty cell, null for anything else. */
export function parseBirthYear(text: string, thisYear: number): number | '' | null {
  const cell = normaliseCell(text).replace(/年$/, '');
  if (cell === '') return '';
  if (!/^\d{4}$/.test(cell)) return null;
  const year = Number(cell);
  return year >= 1900 && year <= thisYear ? year : null;
}

const RELATION_WORDS: Record<string, MemberRelation> = { 业主: 'owner', 户主: 'owner', 租户: 'tenant', 租客: 'tenant', 家属: 'family' };

/** 身份: 业主 (户主), 租户 (租客), 家属; null for anything else. */
export function parseRelation(text: string): MemberRelation | null {
  return RELATION_WORDS[normaliseCell(text)] ?? null;
}

const SPECIAL_CARE_BY_LABEL = new Map<string, SpecialCareFlag>(SPECIAL_CARE_FLAGS.map((f) => [SPECIAL_CARE_LABELS[f], f]));

/** 特殊人群 labels separated by 、，, ; or spaces, in SPECIAL_CARE_FLAGS order, each once; null if one is unknown. */
export function parseSpecialCare(text: string): SpecialCareFlag[] | null {
  const words = normaliseCell(text)
    .split(/[、，,；;\s]+/)
    .filter((w) => w !== '');
  const flags = new Set<SpecialCareFlag>();
  for (const w of words) {
    const flag = SPECIAL_CARE_BY_LABEL.get(w);
    if (!flag) return null;
    flags.add(flag);
  }
  return SPECIAL_CARE_FLAGS.filter((f) => flags.has(f));
}

/** 单元 as stored: `2` and `2单元` are both `2单元`; an empty cell is no unit. */
export function normaliseUnit(text: string): string | null {
  const cell = normaliseCell(text).replace(/\s/g, '');
  if (cell === '') return null;
  return /^\d+$/.test(cell) ? `${cell}单元` : cell;
}

/** 门牌 as stored: `301`, `301室` → `301`. */
export function normaliseDoor(text: string): string {
  return normaliseCell(text).replace(/\s/g, '').replace(/室$/, '');
}

/** A household's label: `2单元301`, or `301` without a unit. */
export function householdLabel(unit: string | null, door: string): string {
  return `${unit ?? ''}${door}`;
}

/**
 * A stored label split back into unit and door (`2单元301` → 2单元 + 301, `301` → no unit + 301, `A座1201` → A座 + 1201):
 * the unit is everything up to 单元/座/号楼 when the rest is the door.
 */
export function splitHouseholdLabel(label: string): { unit: string | null; door: string } {
  const m = /^(.+?(?:单元|座))(.+)$/.exec(label.trim());
  return m ? { unit: m[1], door: m[2] } : { unit: null, door: label.trim() };
}

function reject(reason: LedgerRejectReason, column: LedgerColumn | null, message: string): LedgerReadResult {
  return { ok: false, reason, column, message };
}

/** Read one row's cells into a ledger row, or say why it is rejected (the first problem, naming the column). */
export function readLedgerRow(row: number, cells: LedgerCells, thisYear: number): LedgerReadResult {
  const building = normaliseCell(cells['楼栋']);
  if (building === '' || building.length > LEDGER_MAX_PLACE) return reject('building_missing', '楼栋', `请填写楼栋（不超过${LEDGER_MAX_PLACE}个字）`);
  const unit = normaliseUnit(cells['单元'] ?? '');
  if (unit !== null && unit.length > LEDGER_MAX_PLACE) return reject('building_missing', '单元', `单元不能超过${LEDGER_MAX_PLACE}个字`);
  const door = normaliseDoor(cells['门牌'] ?? '');
  if (door === '' || door.length > LEDGER_MAX_PLACE) return reject('door_missing', '门牌', `请填写门牌号（不超过${LEDGER_MAX_PLACE}个字）`);
  const area = parseAreaHundredths(cells['专有部分面积'] ?? '');
  if (area === null) return reject('area_invalid', '专有部分面积', '专有部分面积应为不超过10000的正数，最多两位小数（如 89.50）');
  const name = normaliseCell(cells['姓名']).replace(/\s+/g, ' ');
  if (name === '' || name.length > LEDGER_MAX_NAME) return reject('name_missing', '姓名', `请填写姓名（不超过${LEDGER_MAX_NAME}个字）`);
  const phone = normalisePhone(cells['手机号'] ?? '');
  if (phone === null) return reject('phone_invalid', '手机号', '手机号应为11位数字，以13–19开头，或留空');
  const relation = parseRelation(cells['身份'] ?? '');
  if (relation === null) return reject('relation_invalid', '身份', '身份应为业主、租户或家属');
  const birthYear = parseBirthYear(cells['出生年份'] ?? '', thisYear);
  if (birthYear === null) return reject('birth_year_invalid', '出生年份', `出生年份应为1900–${thisYear}的四位数字，或留空`);
  const specialCare = parseSpecialCare(cells['特殊人群'] ?? '');
  if (specialCare === null) {
    return reject('special_care_unknown', '特殊人群', `特殊人群只能填写：${SPECIAL_CARE_FLAGS.map((f) => SPECIAL_CARE_LABELS[f]).join('、')}，用顿号分隔`);
  }
  return {
    ok: true,
    row: { row, building, unit, door, areaHundredths: area === '' ? null : area, name, phone: phone === '' ? null : phone, relation, birthYear: birthYear === '' ? null : birthYear, specialCare },
  };
}

// ---------------------------------------------------------------------------------------------
// The planner: what an import of these rows does to this ledger.

/** The community's ledger as the planner needs it: active memberships only. */
export interface LedgerSnapshot {
  buildings: { id: number; name: string }[];
  households: { id: number; buildingId: number; unit: string | null; door: string; areaHundredths: number | null }[];
  members: { id: number; householdId: number; personId: number; relation: MemberRelation }[];
  /**
   * The people of those memberships, and anyone else holding a phone the file names (another community's
   * resident, a staff member, a WeChat user who proved it). `name` null: a WeChat user whose name nobody typed.
   */
  persons: { id: number; name: string | null; phone: string | null; birthYear: number | null; specialCare: SpecialCareFlag[]; phoneVerified?: boolean }[];
}

/** A row as the planner takes it: read (`cells` kept for the report) or rejected when read. */
export interface LedgerInputRow {
  row: number;
  cells: LedgerCells;
  read: LedgerReadResult;
}

/** A household or person already in the ledger (`id`) or one this plan creates (`key`, unique in the plan). */
export type LedgerRef = { id: number } | { key: string };

export interface LedgerPlan {
  totalRows: number;
  /** Buildings the file names that the community does not have yet. */
  newBuildings: string[];
  newHouseholds: { key: string; building: string; buildingId: number | null; unit: string | null; door: string; areaHundredths: number | null }[];
  householdChanges: { householdId: number; areaHundredths: number | null }[];
  newPersons: { key: string; name: string; phone: string | null; birthYear: number | null; specialCare: SpecialCareFlag[] }[];
  /** The person's values after the import (only the fields in `fields` differ). */
  personChanges: { personId: number; name: string; phone: string | null; birthYear: number | null; specialCare: SpecialCareFlag[]; fields: LedgerField[] }[];
  newMembers: { row: number; household: LedgerRef; person: LedgerRef; relation: MemberRelation }[];
  memberChanges: { memberId: number; relation: MemberRelation }[];
  rows: { row: number; action: 'add' | 'change'; household: string; newHousehold: boolean; newBuilding: boolean; name: string; phone: string | null; relation: MemberRelation; changes: LedgerField[] }[];
  rejected: { row: number; reason: LedgerRejectReason; message: string; column: LedgerColumn | null; cells: LedgerCells }[];
  missing: { memberId: number; household: string; name: string; relation: MemberRelation }[];
  added: number;
  changed: number;
  unchanged: number;
  /** Identifies exactly what a confirm writes: the same file and fixes against the same ledger give the same hash. */
  planHash: string;
}

/** Which optional columns the file has: a column the file lacks leaves that value alone. */
export type LedgerColumnsPresent = Partial<Record<LedgerColumn, boolean>>;

const householdKey = (building: string, unit: string | null, door: string) => `${building}\u0000${unit ?? ''}\u0000${door}`;

/**
 * Plan an import: match each accepted row to a household (building, unit, door) and a person in it (by name, else
 * by phone), find what it adds and changes, reject rows that contradict earlier rows or another person's phone,
 * and list the people of the covered buildings the file no longer names. Pure: the same input gives the same plan.
 *
 * Values: an empty cell clears the area, birth year and special-care flags, but never removes a phone (a phone is
 * how a person claims the record; removing one is an edit). A column the file lacks changes nothing.
 */
export function planLedgerImport(snapshot: LedgerSnapshot, input: LedgerInputRow[], present: LedgerColumnsPresent): LedgerPlan {
  const buildingByName = new Map(snapshot.buildings.map((b) => [b.name, b]));
  const buildingName = new Map(snapshot.buildings.map((b) => [b.id, b.name]));
  const householdByKey = new Map(snapshot.households.map((h) => [householdKey(buildingName.get(h.buildingId) ?? '', h.unit, h.door), h]));
  const householdById = new Map(snapshot.households.map((h) => [h.id, h]));
  const personById = new Map(snapshot.persons.map((p) => [p.id, p]));
  const membersOf = new Map<number, LedgerSnapshot['members']>();
  for (const m of snapshot.members) membersOf.set(m.householdId, [...(membersOf.get(m.householdId) ?? []), m]);
  const personByPhone = new Map<string, LedgerRef>();
  for (const p of snapshot.persons) if (p.phone && !personByPhone.has(p.phone)) personByPhone.set(p.phone, { id: p.id });

  const plan: LedgerPlan = {
    totalRows: input.length,
    newBuildings: [],
    newHouseholds: [],
    householdChanges: [],
    newPersons: [],
    personChanges: [],
    newMembers: [],
    memberChanges: [],
    rows: [],
    rejected: [],
    missing: [],
    added: 0,
    changed: 0,
    unchanged: 0,
    planHash: '',
  };
  const rejectRow = (r: LedgerInputRow, reason: LedgerRejectReason, column: LedgerColumn | null, message: string) =>
    plan.rejected.push({ row: r.row, reason, column, message, cells: r.cells });

  // First pass, the file against itself: duplicates, one phone under two names, one household with two areas.
  const seenRows = new Set<string>();
  const nameOfPhone = new Map<string, string>();
  const areaOf = new Map<string, number | null>();
  const accepted: { row: LedgerRow; input: LedgerInputRow }[] = [];
  const mentioned = new Set<string>(); // household + name of every row, accepted or not: not missing
  const coveredBuildings = new Set<string>();
  for (const r of input) {
    const building = normaliseCell(r.cells['楼栋']);
    if (building !== '') coveredBuildings.add(building);
    mentioned.add(`${householdKey(building, normaliseUnit(r.cells['单元'] ?? ''), normaliseDoor(r.cells['门牌'] ?? ''))}\u0000${normaliseCell(r.cells['姓名'])}`);
    if (!r.read.ok) {
      rejectRow(r, r.read.reason, r.read.column, r.read.message);
      continue;
    }
    const row = r.read.row;
    const hKey = householdKey(row.building, row.unit, row.door);
    const rowKey = `${hKey}\u0000${row.name}`;
    if (seenRows.has(rowKey)) {
      rejectRow(r, 'duplicate_row', '姓名', `与前面一行重复（同一户、同一姓名），请删除其中一行`);
      continue;
    }
    if (row.phone && nameOfPhone.has(row.phone) && nameOfPhone.get(row.phone) !== row.name) {
      rejectRow(r, 'phone_conflict', '手机号', `手机号与前面${nameOfPhone.get(row.phone)}的相同，请核对`);
      continue;
    }
    const area = areaOf.get(hKey);
    if (row.areaHundredths !== null && area !== undefined && area !== null && area !== row.areaHundredths) {
      rejectRow(r, 'area_conflict', '专有部分面积', `同一户前面一行的面积是${formatArea(area)}，请核对`);
      continue;
    }
    seenRows.add(rowKey);
    if (row.phone) nameOfPhone.set(row.phone, row.name);
    if (area === undefined || area === null) areaOf.set(hKey, row.areaHundredths);
    accepted.push({ row, input: r });
  }

  // Second pass: each accepted row against the ledger and the rows before it.
  const newHouseholdByKey = new Map<string, LedgerPlan['newHouseholds'][number]>();
  const newPersonByKey = new Map<string, LedgerPlan['newPersons'][number]>();
  const personTarget = new Map<number, LedgerPlan['personChanges'][number]>(); // every existing person a row names, changed or not
  const householdDone = new Set<string>();
  const matchedMembers = new Set<number>();
  const memberOfHousehold = new Map<string, Set<string>>(); // household ref → person refs already placed in it by this file
  const refKey = (ref: LedgerRef) => ('id' in ref ? `#${ref.id}` : ref.key);

  for (const { row, input: r } of accepted) {
    const hKey = householdKey(row.building, row.unit, row.door);
    const existing = householdByKey.get(hKey);
    const label = `${row.building}${householdLabel(row.unit, row.door)}`;
    const changes: LedgerField[] = [];

    // The person: an active member of the household by name, else by phone; else whoever holds the phone; else new.
    const members = existing ? (membersOf.get(existing.id) ?? []) : [];
    const member =
      members.find((m) => personById.get(m.personId)?.name === row.name) ??
      (row.phone ? members.find((m) => personById.get(m.personId)?.phone === row.phone) : undefined);
    let person: LedgerRef | undefined = member ? { id: member.personId } : row.phone ? personByPhone.get(row.phone) : undefined;
    if (member && row.phone) {
      const holder = personByPhone.get(row.phone);
      if (holder && refKey(holder) !== `#${member.personId}`) {
        rejectRow(r, 'phone_conflict', '手机号', '这个手机号已登记在另一人名下，请核对');
        continue;
      }
      const known = personById.get(member.personId);
      if (known?.phoneVerified && known.phone !== row.phone) {
        rejectRow(r, 'phone_conflict', '手机号', '此人的手机号已由本人在微信中验证，台账不能修改，请核对');
        continue;
      }
    }
    if (!member && person && 'id' in person) {
      const known = personById.get(person.id)!;
      if (known.name !== null && known.name !== row.name) {
        rejectRow(r, 'phone_conflict', '手机号', '这个手机号已登记在另一人名下，请核对');
        continue;
      }
    }

    // The person's values after this row; a person named by two rows (an owner of two flats) must agree with itself.
    if (person && 'id' in person) {
      const known = personById.get(person.id)!;
      const target = {
        name: row.name,
        phone: row.phone ?? known.phone,
        birthYear: present['出生年份'] ? row.birthYear : known.birthYear,
        specialCare: present['特殊人群'] ? row.specialCare : known.specialCare,
      };
      const earlier = personTarget.get(person.id);
      if (earlier) {
        if (!samePerson(earlier, { ...target, phone: row.phone })) {
          rejectRow(r, 'phone_conflict', '手机号', '同一人在前面一行的姓名、出生年份或特殊人群不同，请核对');
          continue;
        }
      } else {
        const fields: LedgerField[] = [];
        if (known.name !== target.name) fields.push('name');
        if (known.phone !== target.phone) fields.push('phone');
        if (known.birthYear !== target.birthYear) fields.push('birthYear');
        if (!sameFlags(known.specialCare, target.specialCare)) fields.push('specialCare');
        personTarget.set(person.id, { personId: person.id, ...target, fields });
        changes.push(...fields);
        if (row.phone && !personByPhone.has(row.phone)) personByPhone.set(row.phone, person);
      }
    } else if (person) {
      const earlier = newPersonByKey.get(person.key)!;
      if (!samePerson(earlier, { name: row.name, phone: row.phone, birthYear: row.birthYear, specialCare: row.specialCare })) {
        rejectRow(r, 'phone_conflict', '手机号', '同一人在前面一行的姓名、出生年份或特殊人群不同，请核对');
        continue;
      }
    } else {
      const created = { key: `p${row.row}`, name: row.name, phone: row.phone, birthYear: row.birthYear, specialCare: row.specialCare };
      newPersonByKey.set(created.key, created);
      plan.newPersons.push(created);
      person = { key: created.key };
      if (row.phone) personByPhone.set(row.phone, person);
    }

    // The household: an existing one's area (once, on its first row), or a new one.
    let household: LedgerRef;
    // A household the ledger does not know yet: a mistyped door number would make one, so the report says so.
    let newHousehold = false;
    if (existing) {
      household = { id: existing.id };
      if (!householdDone.has(hKey)) {
        householdDone.add(hKey);
        const area = present['专有部分面积'] ? (areaOf.get(hKey) ?? null) : existing.areaHundredths;
        if (area !== existing.areaHundredths) {
          plan.householdChanges.push({ householdId: existing.id, areaHundredths: area });
          changes.unshift('area');
        }
      }
    } else {
      newHousehold = true;
      let created = newHouseholdByKey.get(hKey);
      if (!created) {
        const buildingId = buildingByName.get(row.building)?.id ?? null;
        if (buildingId === null && !plan.newBuildings.includes(row.building)) plan.newBuildings.push(row.building);
        created = { key: `h${row.row}`, building: row.building, buildingId, unit: row.unit, door: row.door, areaHundredths: areaOf.get(hKey) ?? null };
        newHouseholdByKey.set(hKey, created);
        plan.newHouseholds.push(created);
      }
      household = { key: created.key };
    }

    // The membership: the matched one (身份 may change), or a new one.
    let action: 'add' | 'change' | null;
    if (member) {
      matchedMembers.add(member.id);
      if (member.relation !== row.relation) {
        plan.memberChanges.push({ memberId: member.id, relation: row.relation });
        changes.push('relation');
      }
      action = changes.length > 0 ? 'change' : null;
    } else {
      const placed = memberOfHousehold.get(refKey(household)) ?? new Set<string>();
      const alreadyMember = 'id' in person && members.some((m) => m.personId === person.id);
      if (placed.has(refKey(person)) || alreadyMember) {
        rejectRow(r, 'duplicate_row', '姓名', '这个人已在这一户，请删除重复的行');
        continue;
      }
      placed.add(refKey(person));
      memberOfHousehold.set(refKey(household), placed);
      plan.newMembers.push({ row: row.row, household, person, relation: row.relation });
      action = 'add';
    }
    if (action === null) plan.unchanged += 1;
    else {
      const newBuilding = newHousehold && !buildingByName.has(row.building);
      plan.rows.push({ row: row.row, action, household: label, newHousehold, newBuilding, name: row.name, phone: row.phone, relation: row.relation, changes: action === 'add' ? [] : sortFields(changes) });
      if (action === 'add') plan.added += 1;
      else plan.changed += 1;
    }
  }
  plan.personChanges = [...personTarget.values()].filter((p) => p.fields.length > 0);

  // People of the covered buildings whom the file does not name: left? The committee says.
  for (const m of snapshot.members) {
    const h = householdById.get(m.householdId);
    const building = h ? buildingName.get(h.buildingId) : undefined;
    if (!h || building === undefined || !coveredBuildings.has(building) || matchedMembers.has(m.id)) continue;
    const name = personById.get(m.personId)?.name ?? '';
    if (mentioned.has(`${householdKey(building, h.unit, h.door)}\u0000${name}`)) continue;
    plan.missing.push({ memberId: m.id, household: `${building}${householdLabel(h.unit, h.door)}`, name, relation: m.relation });
  }
  plan.missing.sort((a, b) => (a.household === b.household ? a.memberId - b.memberId : a.household < b.household ? -1 : 1));
  plan.rejected.sort((a, b) => a.row - b.row);

  plan.planHash = hashText(
    JSON.stringify([plan.newBuildings, plan.newHouseholds, plan.householdChanges, plan.newPersons, plan.personChanges, plan.newMembers, plan.memberChanges, plan.missing.map((m) => m.memberId)]),
  );
  return plan;
}

function sameFlags(a: readonly SpecialCareFlag[], b: readonly SpecialCareFlag[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}

function samePerson(
  a: { name: string; phone: string | null; birthYear: number | null; specialCare: SpecialCareFlag[] },
  b: { name: string; phone: string | null; birthYear: number | null; specialCare: SpecialCareFlag[] },
): boolean {
  return a.name === b.name && (a.phone === b.phone || b.phone === null) && a.birthYear === b.birthYear && sameFlags(a.specialCare, b.specialCare);
}

function sortFields(fields: LedgerField[]): LedgerField[] {
  return LEDGER_FIELDS.filter((f) => fields.includes(f));
}

/** 8950 → `89.50` */
export function formatArea(hundredths: number): string {
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/**
 * A 64-bit hash (two 32-bit FNV-1a lanes, then mixed) as 16 hex digits: equality of plans, not secrecy, and
 * the same in Node and in the mini-program.
 */
export function hashText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
  h1 = Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b);
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  h2 ^= h2 >>> 16;
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** The largest ledger file an import takes (FILE_TOO_LARGE beyond): 50,000 rows of CSV fit in a fifth of it. */
export const LEDGER_MAX_BYTES = 10 * 1024 * 1024;
