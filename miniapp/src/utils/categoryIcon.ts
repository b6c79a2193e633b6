import { UNCATEGORISED_LABEL } from '@linli/shared'
/** Category icons are drawn as emoji: no icon font to download, readable at any text size. */
const ICONS: Record<string, string> = {
  repair: '🔧', wrench: '🔧', tool: '🔧', property: '🏠', home: '🏠', building: '🏢',
  environment: '🌳', tree: '🌳', sanitation: '🗑️', trash: '🗑️', garbage: '🗑️', rubbish: '🗑️',
  safety: '🦺', security: '🛡️', shield: '🛡️', fire: '🧯', traffic: '🚗', car: '🚗', parking: '🅿️',
  noise: '🔊', water: '💧', power: '💡', light: '💡', electricity: '⚡', elevator: '🛗', lift: '🛗',
  neighbour: '🤝', neighbor: '🤝', people: '👥', elderly: '🧓', care: '💗', health: '🩺', legal: '⚖️',
  law: '⚖️', service: '🛎️', info: 'ℹ️', order: '🚨', pet: '🐕', road: '🛣️', other: '📝',
}

export function categoryIcon(icon: string | null | undefined, code?: string): string {
  if (icon && /[^\x00-\x7f]/.test(icon)) return icon // already an emoji or a character
  const key = (icon || code || '').toLowerCase()
  if (ICONS[key]) return ICONS[key]
  const hit = Object.keys(ICONS).find((k) => key.includes(k))
  return hit ? ICONS[hit] : '📝'
}

/** A ticket's category as cards and headers show it; a matter reported without one reads 待分类 until the committee sets it. */
export function categoryLine(category: { icon: string; name: string } | null): string {
  return category ? `${categoryIcon(category.icon)} ${category.name}` : `📷 ${UNCATEGORISED_LABEL}`
}
