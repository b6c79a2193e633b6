import type { RoutingTarget } from '@linli/shared';

export interface CategorySeed {
  code: string;
  name: string;
  /** For a name longer than CATEGORY_SHORT_NAME_MAX characters. */
  shortName?: string;
  icon: string;
  routing: RoutingTarget;
  partnerKind: string | null;
  acceptMinutes: number;
  resolveMinutes: number;
  duplicateRadiusMeters: number;
}

const H = 60;
const D = 24 * H;

/**
 * Everyday categories of 青山微邻里, then Qingdao's six families of public
 * matters (seeds/001) with the body that handles each.
 */
export const CATEGORY_SEEDS: CategorySeed[] = [
  { code: 'sanitation', name: '环境卫生', icon: '🧹', routing: 'grid_worker', partnerKind: null, acceptMinutes: 1 * H, resolveMinutes: 1 * D, duplicateRadiusMeters: 100 },
  { code: 'repair', name: '物业维修', icon: '🔧', routing: 'partner', partnerKind: 'property_company', acceptMinutes: 2 * H, resolveMinutes: 2 * D, duplicateRadiusMeters: 50 },
  { code: 'noise', name: '噪音扰民', icon: '🔊', routing: 'grid_worker', partnerKind: null, acceptMinutes: 30, resolveMinutes: 4 * H, duplicateRadiusMeters: 150 },
  { code: 'parking', name: '停车', icon: '🚗', routing: 'grid_worker', partnerKind: null, acceptMinutes: 1 * H, resolveMinutes: 8 * H, duplicateRadiusMeters: 100 },
  { code: 'dispute', name: '邻里纠纷', icon: '🤝', routing: 'grid_worker', partnerKind: null, acceptMinutes: 2 * H, resolveMinutes: 3 * D, duplicateRadiusMeters: 30 },
  { code: 'hazard', name: '安全隐患', icon: '⚠️', routing: 'grid_worker', partnerKind: null, acceptMinutes: 30, resolveMinutes: 4 * H, duplicateRadiusMeters: 100 },
  { code: 'facility', name: '设施损坏', icon: '🏗️', routing: 'grid_worker', partnerKind: null, acceptMinutes: 1 * H, resolveMinutes: 2 * D, duplicateRadiusMeters: 50 },
  // Qingdao's table: who handles which public matter.
  { code: 'order_safety', name: '城市秩序与安全', shortName: '秩序安全', icon: '🚨', routing: 'partner', partnerKind: 'law_enforcement', acceptMinutes: 1 * H, resolveMinutes: 1 * D, duplicateRadiusMeters: 100 },
  { code: 'basic_info', name: '社区基础信息', icon: '📋', routing: 'community', partnerKind: null, acceptMinutes: 4 * H, resolveMinutes: 3 * D, duplicateRadiusMeters: 0 },
  { code: 'protective', name: '保护性服务', icon: '🧓', routing: 'partner', partnerKind: 'service_centre', acceptMinutes: 4 * H, resolveMinutes: 5 * D, duplicateRadiusMeters: 0 },
  { code: 'health', name: '健康服务', icon: '🩺', routing: 'partner', partnerKind: 'health_provider', acceptMinutes: 4 * H, resolveMinutes: 3 * D, duplicateRadiusMeters: 0 },
  { code: 'property', name: '物业服务', icon: '🏢', routing: 'partner', partnerKind: 'property_company', acceptMinutes: 2 * H, resolveMinutes: 2 * D, duplicateRadiusMeters: 50 },
  { code: 'participation', name: '居民交往及社区参与', shortName: '社区参与', icon: '🏘️', routing: 'community', partnerKind: null, acceptMinutes: 4 * H, resolveMinutes: 5 * D, duplicateRadiusMeters: 0 },
  { code: 'other', name: '其他', icon: '💬', routing: 'community', partnerKind: null, acceptMinutes: 4 * H, resolveMinutes: 3 * D, duplicateRadiusMeters: 50 },
];
