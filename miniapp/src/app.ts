import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { installBrowserAccessibility } from './services/a11y'
import { IS_H5 } from './services/config'
import { installPrivacyHandler } from './services/privacy'
import './boot/first-page'

import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyHandler()
    if (IS_H5) installBrowserAccessibility()
  })
  return children
}

export default App
