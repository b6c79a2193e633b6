/**
 * H5 only: what a browser needs that WeChat does itself.
 * - Taro's H5 components write `ariaRole` as an `aria-role` attribute, which browsers ignore (and axe calls invalid):
 *   it becomes `role`, for our components and NutUI's alike (Switch, Dialog, Popup, Checkbox, Radio).
 * - Enter and Space press a focused element with a role of button, radio, switch, checkbox or tab, as they press a <button>.
 * - Scrolling regions (Taro's page, NutUI's lists) take the keyboard focus, so a keyboard can scroll them.
 * - Elder mode is also a class on <html>, for what lives outside a page (Taro's tab bar and title bar).
 */
import { getElderMode, onElderModeChange } from './preferences'

const PRESSABLE = new Set(['button', 'radio', 'switch', 'checkbox', 'tab', 'link'])
const SCROLLERS = '.taro_page, .nut-infinite, .paged-list__scroller'

function fixRole(el: Element) {
  const role = el.getAttribute('aria-role')
  if (role === null) return
  el.removeAttribute('aria-role')
  if (role) el.setAttribute('role', role)
}

function fixTree(root: Element) {
  fixRole(root)
  root.querySelectorAll('[aria-role]').forEach(fixRole)
  const scrollers = root.matches(SCROLLERS) ? [root] : []
  scrollers.push(...Array.from(root.querySelectorAll(SCROLLERS)))
  for (const el of scrollers) if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0')
}

export function installBrowserAccessibility(): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return
  fixTree(document.body)
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') fixRole(r.target as Element)
      else r.addedNodes.forEach((n) => n.nodeType === Node.ELEMENT_NODE && fixTree(n as Element))
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-role'] })

  document.addEventListener('keydown', (e) => {
    const el = e.target as HTMLElement | null
    if (!el || (e.key !== 'Enter' && e.key !== ' ')) return
    if (['BUTTON', 'A', 'INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) return
    if (!PRESSABLE.has(el.getAttribute('role') ?? '')) return
    e.preventDefault()
    el.click()
  })

  const html = document.documentElement
  html.classList.toggle('elder', getElderMode())
  onElderModeChange((on) => html.classList.toggle('elder', on))
}
