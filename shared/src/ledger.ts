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
