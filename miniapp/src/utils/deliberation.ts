/** 议事's words for what the contract names in English (display only; the rules are in @linli/shared). */
import type { BoardEntryKind, TopicParty } from '@linli/shared'

export const BOARD_KIND_LABELS: Record<BoardEntryKind, string> = {
  decision: '表决结果',
  minutes: '会议纪要',
  plan: '方案公示',
  review: '审查意见',
  progress: '落实进度',
  declined: '不予受理',
}

export const TOPIC_PARTY_LABELS: Record<TopicParty, string> = {
  resident: '居民',
  committee: '居委会',
  owners_committee: '业委会',
  grid_worker: '网格员',
  property_company: '物业公司',
  social_organisation: '社会组织',
  partner: '共建单位',
}

/**
 * The owners' committee's name when the user speaks for it in this community (the server's partyOf: a
 * committee member speaks as 居委会 first), else null: residents comment as themselves.
 */
export function ownersCommitteeLabel(roles: readonly { role: string; communityId: number | null }[] | undefined, communityId: number): string | null {
  if (!roles) return null
  if (roles.some((r) => r.role === 'committee_member' && r.communityId === communityId)) return null
  return roles.some((r) => r.role === 'owners_committee' && r.communityId === communityId) ? TOPIC_PARTY_LABELS.owners_committee : null
}
