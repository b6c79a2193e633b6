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
