import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { asButton, decorative } from '../utils/a11y'
import './LinkCell.scss'

interface Props {
  title: string
  description?: string
  /** Shown at the right: '›' by default, a badge, or a short state ('注销中…'). */
  extra?: ReactNode
  /** Said instead of `extra` when it is not words (a badge's count: '2条未读'). */
  extraLabel?: string
  /** Said instead of the whole row, when its words alone do not say what a tap does ('楼栋：1栋，点击更换'). */
  label?: string
  className?: string
  onClick: () => void
}

/**
 * A row of a cell group that takes you somewhere or does something. It looks like NutUI's clickable Cell
 * (the same class names, so the same theme and elder-mode sizes) but is announced as a button in both
 * builds (NutUI's Cell passes no role or label on). Its spoken name is its words; the '›' is not read.
 */
export function LinkCell({ title, description, extra = '›', extraLabel, label, className, onClick }: Props) {
  const spokenExtra = extraLabel ? { ariaLabel: extraLabel } : extra === '›' ? decorative : {}
  return (
    <View className={`nut-cell nut-cell-group-item nut-cell-clickable link-cell ${className ?? ''}`} onClick={onClick} {...asButton(label)}>
      <View className='nut-cell-left'>
        <View className='nut-cell-title'>{title}</View>
        {description && <View className='nut-cell-description'>{description}</View>}
      </View>
      <View className='nut-cell-extra' {...spokenExtra}>
        {extra}
      </View>
    </View>
  )
}
