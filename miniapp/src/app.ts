import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { installPrivacyHandler } from './services/privacy'

import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyHandler()
  })
  return children
}

export default App
