// Runs in the WeChat build (added by aria-plugin.js): the runtime learns the accessibility attributes the templates
// were given, so it passes ariaRole / ariaLabel / ariaChecked / ariaHidden props on to WeChat.
import { mergeInternalComponents } from '@tarojs/shared'
import components from './aria-components.json'

mergeInternalComponents(components)
