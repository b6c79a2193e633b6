/**
 * 台账: the committee's reading and correcting of the community's households and people, and the import of the
 * spreadsheets communities keep (docs/ledger.md). Columns and words come from @linli/shared (ledger.ts).
 */
import type {
  Endpoints,
  LedgerColumn,
  LedgerHouseholdDetail,
  LedgerMemberEdit,
  LedgerMemberRequest,
  SpecialCareFlag,
} from '@linli/shared'
import { formatArea, SPECIAL_CARE_LABELS } from '@linli/shared'
import { usePagedList } from '../hooks/usePagedList'
import { useResource } from '../hooks/useResource'
import { api } from '../services/request'

/** Said on every page that shows birth years or special-care flags: each reading is in the audit log. */
export const SPECIAL_CARE_LOGGED = '出生年份和特殊人群属于敏感个人信息，仅居委会和本网格网格员可见；每次查看都会记入操作日志。'

/** 89.50㎡ from hundredths; '' when unknown. */
export function areaText(hundredths: number | null): string {
  return hundredths === null ? '' : `${formatArea(hundredths)}㎡`
}

export function specialCareText(flags: readonly SpecialCareFlag[]): string {
  return flags.map((f) => SPECIAL_CARE_LABELS[f]).join('、')
}

export function useLedgerHouseholds(communityId: number | null, filters: { q: string; buildingId: number | null }) {
  return usePagedList(
    (page, pageSize) =>
      api('GET /ledger/households', { query: { communityId: communityId!, page, pageSize, q: filters.q.trim() || undefined, buildingId: filters.buildingId ?? undefined } }),
    [communityId, filters.q, filters.buildingId],
    { enabled: communityId !== null },
  )
}

export function useLedgerHousehold(id: number) {
  return useResource(() => api('GET /ledger/households/{id}', { params: { id } }), [id], Number.isInteger(id) && id > 0)
}

export function useSpecialCareList(communityId: number | null, flag: SpecialCareFlag | null) {
  return useResource(() => api('GET /ledger/special-care', { query: { communityId: communityId!, flag: flag ?? undefined } }), [communityId, flag], communityId !== null)
}

export function saveHouseholdArea(household: LedgerHouseholdDetail, areaHundredths: number | null) {
  return api('PUT /ledger/households/{id}', { params: { id: household.id }, body: { areaHundredths, version: household.version }, quiet: true })
}

export function addMember(householdId: number, body: LedgerMemberRequest) {
  return api('POST /ledger/households/{id}/members', { params: { id: householdId }, body, quiet: true })
}

export function correctMember(memberId: number, body: LedgerMemberEdit) {
  return api('PUT /ledger/members/{id}', { params: { id: memberId }, body, quiet: true })
}

/** 已迁出: the membership ends, the record stays. */
export function endMember(memberId: number, reason: string) {
  return api('POST /ledger/members/{id}/end', { params: { id: memberId }, body: { reason } })
}

/** 查看号码 (logged by the server). */
export async function revealPhone(personId: number): Promise<string> {
  return (await api('POST /users/{id}/phone', { params: { id: personId } })).phone
}

/** Cells a committee member typed over rejected rows, by row number then column, as the import's `fixes` field takes them. */
export type LedgerFixes = Record<number, Partial<Record<LedgerColumn, string>>>

/** The import's refusals of a file (the contract's list: a new one fails to compile until it has words below). */
type LedgerFileError = Exclude<Endpoints['POST /ledger/import']['errors'], 'NOT_FOUND' | 'LEDGER_CHANGED'>

/**
 * Why a file is refused whole, in words a committee member can act on (FILE_TYPE: the app's own check of the
 * extension). The server's own message follows when it says more (e.g. which columns are missing).
 */
export const LEDGER_FILE_ERRORS: Record<LedgerFileError | 'FILE_TYPE', string> = {
  FILE_TYPE: '只能导入 Excel（.xlsx）或 CSV 文件，请重新选择',
  FILE_MISSING: '没有收到文件，请重新选择',
  FILE_TOO_LARGE: '文件太大：请删去多余的工作表、图片，或按楼栋拆成几个文件分别导入',
  LEDGER_COLUMNS_MISSING: '表头缺少必需的列（楼栋、门牌、姓名、身份），请按模板的表头填写',
  LEDGER_FILE_EMPTY: '文件里没有数据：请第一行写表头，从第二行起每行一人',
  LEDGER_FILE_UNREADABLE: '无法读取这个文件：请上传 Excel（.xlsx）文件，或 UTF-8 / GBK 编码的 CSV 文件（不要只改扩展名）',
  LEDGER_FILE_FORMULAS: '表格里有公式：请选中全部内容，复制后“粘贴为数值”，再保存导入',
  LEDGER_FILE_MERGED_CELLS: '表格里有合并单元格：请取消合并，并在每一行填写完整的楼栋、门牌后再导入',
  LEDGER_TOO_MANY_ROWS: '行数超过单次导入的上限：请按楼栋拆成几个文件分别导入',
}

/** The cells of a rejected row that differ from what the file (with earlier fixes) gave. */
export function changedCells(original: Partial<Record<LedgerColumn, string>>, edited: Partial<Record<LedgerColumn, string>>): Partial<Record<LedgerColumn, string>> {
  const out: Partial<Record<LedgerColumn, string>> = {}
  for (const [column, value] of Object.entries(edited) as [LedgerColumn, string][]) {
    if ((original[column] ?? '') !== value) out[column] = value
  }
  return out
}
