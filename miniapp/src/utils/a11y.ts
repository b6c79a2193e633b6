/**
 * Roles and names for screen readers, one way for both builds. Taro components take `ariaRole` / `ariaLabel` /
 * `ariaChecked`: the WeChat build emits them as `aria-role` / `aria-label` / `aria-checked` (config/aria-plugin.js
 * adds them to Taro's templates), the H5 build as `aria-*` attributes, where services/a11y.ts turns `aria-role`
 * into `role` and lets Enter and Space press what has one. `tabIndex` puts it in the keyboard order on H5.
 */
export interface A11yProps {
  ariaRole: string
  ariaLabel?: string
  ariaChecked?: boolean
  tabIndex: number
}

/** Something tapped to act or go somewhere. `label`: the spoken name, needed when it shows only an icon. */
export function asButton(label?: string): A11yProps {
  return { ariaRole: 'button', tabIndex: 0, ...(label ? { ariaLabel: label } : {}) }
}

/** One of several choices (a filter chip, a category, a rating): says whether it is the chosen one. */
export function asChoice(checked: boolean, label?: string): A11yProps {
  return { ariaRole: 'radio', ariaChecked: checked, tabIndex: 0, ...(label ? { ariaLabel: label } : {}) }
}

/** A group of choices (role radiogroup), with its name. */
export function asChoiceGroup(label: string): Omit<A11yProps, 'tabIndex'> {
  return { ariaRole: 'radiogroup', ariaLabel: label }
}

/** A picture that only decorates (an emoji beside its words): screen readers skip it. */
export const decorative: { ariaHidden: boolean } = { ariaHidden: true }

/** A photo's spoken name: WeChat reads aria-label on <image>, a browser the <img>'s alt (Taro's H5 Image passes nativeProps on). */
export function asImage(label: string): { ariaLabel: string; nativeProps: { alt: string } } {
  return { ariaLabel: label, nativeProps: { alt: label } }
}

/** One of several things that may all be chosen (buildings of a scope, linked tickets): role checkbox. */
export function asCheckbox(checked: boolean, label?: string): A11yProps {
  return { ariaRole: 'checkbox', ariaChecked: checked, tabIndex: 0, ...(label ? { ariaLabel: label } : {}) }
}

/** A group of checkboxes (role group), with its name. */
export function asCheckGroup(label: string): Omit<A11yProps, 'tabIndex'> {
  return { ariaRole: 'group', ariaLabel: label }
}
