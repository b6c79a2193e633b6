import { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { useElderMode } from '../hooks/useSession'

interface PageProps {
  className?: string
  /** The page is one full-height list (scrolls inside, for pull to refresh and infinite scroll). */
  fill?: boolean
}

/** Every page's root: carries 适老化 (larger text, higher contrast) down to all it shows. */
export function Page({ className, fill, children }: PropsWithChildren<PageProps>) {
  const [elder] = useElderMode()
  const classes = ['page', elder ? 'page--elder' : '', fill ? 'page--fill' : '', className ?? ''].filter(Boolean).join(' ')
  return <View className={classes}>{children}</View>
}
