/** Who a user is in a place. A user may hold several roles in different places. */
export const ROLES = [
  'resident', // 居民 / 业主
  'grid_worker', // 网格员
  'committee_member', // 社区居委会 / 两委
  'street_officer', // 街道
  'district_officer', // 区
  'partner', // 物业公司, 社会组织, 律师
  'owners_committee', // 业主委员会: owners elected to speak for them, one of the four parties of 议事
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that act on other people's matters: claiming one needs a committee member's or officer's confirmation. */
export const STAFF_ROLES = ['grid_worker', 'committee_member', 'street_officer', 'district_officer', 'partner', 'owners_committee', 'admin'] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  grid_worker: '网格员',
  committee_member: '居委会',
  street_officer: '街道',
  district_officer: '区',
  partner: '合作单位',
  owners_committee: '业委会',
  admin: '管理员',
};

/** 区 → 街道 → 社区 → 网格 → 楼栋 → 户 */
export const PLACE_LEVELS = ['district', 'street', 'community', 'grid', 'building', 'household'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

export const PARTNER_KINDS = ['property_company', 'social_organisation', 'lawyer', 'law_enforcement', 'service_centre', 'health_provider'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/**
 * 居民绑定: a resident asks to be bound to a household; a committee member decides.
 * An approved binding later ends (moving out, the committee ends it, 注销); a pending one is
 * withdrawn (the resident moves on, or a claimed account already has a home).
 */
export const BINDING_STATUSES = ['pending', 'approved', 'rejected', 'ended', 'withdrawn'] as const;
export type BindingStatus = (typeof BINDING_STATUSES)[number];
