import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { LEDGER_COLUMNS, type LedgerColumn, type LedgerRejectedRow } from '@linli/shared'

/** A column as a class-name suffix (tests and styles find a cell by it). */
export const COLUMN_KEYS: Record<LedgerColumn, string> = {
  楼栋: 'building',
  单元: 'unit',
  门牌: 'door',
  专有部分面积: 'area',
  姓名: 'name',
  手机号: 'phone',
  身份: 'relation',
  出生年份: 'birth-year',
  特殊人群: 'special-care',
}

/**
 * A row the import left out: its reason and its cells as read. 修改 opens the cells for correction; the correction is
 * checked by a new dry run (the file itself stays as it is).
 */
export function RejectedRow({ rejected, fixed, busy, onFix }: { rejected: LedgerRejectedRow; fixed: boolean; busy: boolean; onFix: (cells: Partial<Record<LedgerColumn, string>>) => Promise<boolean> }) {
  const [editing, setEditing] = useState(false)
  const [cells, setCells] = useState<Partial<Record<LedgerColumn, string>>>(rejected.cells)
  const open = () => {
    setCells(rejected.cells)
    setEditing(true)
  }
  const save = async () => {
    if (await onFix(cells)) setEditing(false)
  }
  return (
    <View className='card ledger-rejected' data-row={rejected.row}>
      <Text className='ledger-rejected__title'>
        第{rejected.row}行：{rejected.message}
      </Text>
      {fixed && <Text className='hint'>已按您的修改重新检查，仍有问题</Text>}
      {editing ? (
        <View className='ledger-fix'>
          {LEDGER_COLUMNS.map((column) => (
            <View key={column} className={`ledger-fix__cell ledger-fix__cell--${COLUMN_KEYS[column]}${column === rejected.column ? ' ledger-fix__cell--bad' : ''}`}>
              <Text className='ledger-fix__label'>{column}</Text>
              <Input className='ledger-fix__input' value={cells[column] ?? ''} placeholder={column} onChange={(value: string) => setCells((c) => ({ ...c, [column]: value }))} />
            </View>
          ))}
          <View className='ledger-actions'>
            <Button className='ledger-fix__cancel' type='default' disabled={busy} onClick={() => setEditing(false)}>
              取消
            </Button>
            <Button className='ledger-fix__save' type='primary' loading={busy} disabled={busy} onClick={save}>
              保存并重新检查
            </Button>
          </View>
        </View>
      ) : (
        <View className='ledger-rejected__cells'>
          {LEDGER_COLUMNS.filter((c) => rejected.cells[c] || c === rejected.column).map((column) => (
            <Text key={column} className={`ledger-rejected__cell${column === rejected.column ? ' ledger-rejected__cell--bad' : ''}`}>
              {column}：{rejected.cells[column] || '（空）'}
            </Text>
          ))}
          <Button className='ledger-rejected__edit' type='primary' fill='outline' size='small' disabled={busy} onClick={open}>
            修改这一行
          </Button>
        </View>
      )}
    </View>
  )
}
