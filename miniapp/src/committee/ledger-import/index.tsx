import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox, Dialog } from '@nutui/nutui-react-taro'
import { MEMBER_RELATION_LABELS, type LedgerField, type LedgerImportReport, type LedgerImportRow } from '@linli/shared'
import { Page } from '../../components/Page'
import { useSession } from '../../hooks/useSession'
import { download } from '../../services/request'
import { communityIdOf } from '../../services/session'
import { RejectedRow } from './RejectedRow'
import { useLedgerImport } from './useLedgerImport'
import '../ledger.scss'

const FIELD_LABELS: Record<LedgerField, string> = { area: '面积', name: '姓名', phone: '手机号', relation: '身份', birthYear: '出生年份', specialCare: '特殊人群' }
/** Rows to add or change shown at first; a file of thousands shows the rest on request. */
const ROWS_SHOWN = 50

function rowText(r: LedgerImportRow): string {
  const what = r.action === 'add' ? '新增' : `变更${r.changes.map((c) => FIELD_LABELS[c]).join('、')}`
  // A flat the ledger did not have: a mistyped door number would make one, so it is said.
  const fresh = r.newBuilding ? '（新楼栋新户）' : r.newHousehold ? '（新户）' : ''
  return `第${r.row}行 ${what}：${r.household}${fresh} ${r.name}（${MEMBER_RELATION_LABELS[r.relation]}）${r.phone ? ` ${r.phone}` : ''}`
}

export function confirmText(report: LedgerImportReport, leaving: number): string {
  const parts = [`新增 ${report.added} 人`, `变更 ${report.changed} 人`]
  if (leaving) parts.push(`${leaving} 人记为已迁出`)
  const newHouseholds = new Set(report.rows.filter((r) => r.newHousehold).map((r) => r.household)).size
  if (newHouseholds) parts.push(`新建 ${newHouseholds} 户（请核对门牌）`)
  const rejected = report.rejected.length ? `有问题的 ${report.rejected.length} 行不会导入。` : ''
  return `将${parts.join('、')}。${rejected}确认后一次写入台账。`
}

const HOUSEHOLDS_PAGE = 'committee/ledger/index'

/** Back to 住户台账 when it is the page below (it reloads when shown), else open it. */
function showHouseholds() {
  const pages = Taro.getCurrentPages()
  if (pages.length > 1 && pages[pages.length - 2].route?.replace(/^\//, '') === HOUSEHOLDS_PAGE) void Taro.navigateBack()
  else void Taro.navigateTo({ url: `/${HOUSEHOLDS_PAGE}` })
}

/** 台账导入: the dry run's report, corrections of rejected rows, who has left, and the confirm. */
export default function LedgerImportPage() {
  const session = useSession()
  const communityId = communityIdOf(session?.user)
  const flow = useLedgerImport(communityId)
  const [asking, setAsking] = useState<'confirm' | 'whole-phones' | null>(null)
  const [shown, setShown] = useState(ROWS_SHOWN)
  const { report, busy } = flow
  const nothingToWrite = report !== null && report.added + report.changed + flow.leaving.length === 0

  const exportLedger = (phones: 'masked' | 'whole') => {
    setAsking(null)
    void download('GET /exports/ledger.xlsx', { communityId: communityId!, phones }, '社区台账.xlsx').catch(() => undefined)
  }

  if (communityId === null) {
    return (
      <Page className='ledger'>
        <Text className='hint ledger__intro'>您的账号没有所属社区，无法导入台账。</Text>
      </Page>
    )
  }

  return (
    <Page className='ledger ledger-import'>
      <Text className='hint ledger__intro'>
        上传社区现有的台账（Excel .xlsx 或 CSV），第一行为表头：楼栋、单元、门牌、专有部分面积、姓名、手机号、身份、出生年份、特殊人群。先预览，核对无误后再确认，确认前不会写入任何数据。
      </Text>
      <View className='ledger-actions ledger__top-actions'>
        <Button className='ledger-import__choose' type='primary' loading={busy === 'preview'} disabled={busy !== null} onClick={flow.choose}>
          {flow.file ? '重新选择文件' : '选择台账文件'}
        </Button>
      </View>
      <View className='ledger-actions'>
        <Button className='ledger-import__template' type='default' size='small' onClick={() => void download('GET /ledger/template.xlsx', {}, '台账导入模板.xlsx').catch(() => undefined)}>
          下载模板
        </Button>
        <Button className='ledger-import__export' type='default' size='small' onClick={() => exportLedger('masked')}>
          导出台账
        </Button>
        <Button className='ledger-import__export-whole' type='default' size='small' onClick={() => setAsking('whole-phones')}>
          完整号码导出
        </Button>
      </View>

      {flow.file && <Text className='hint ledger__intro'>文件：{flow.file.name ?? flow.file.path}</Text>}

      {flow.problem && (
        <View className='card ledger-import__problem' role='alert'>
          <Text className='ledger-import__problem-title'>{flow.problem.title}</Text>
          {flow.problem.detail && <Text className='hint'>{flow.problem.detail}</Text>}
          <Text className='hint'>台账没有任何改动。</Text>
        </View>
      )}
      {flow.notice && (
        <View className='card ledger-import__notice' role='status'>
          <Text>{flow.notice}</Text>
        </View>
      )}

      {flow.done && (
        <View className='card ledger-import__done' role='status'>
          <Text className='card__title'>导入完成</Text>
          <Text>
            新增 {flow.done.added} 人，变更 {flow.done.changed} 人，不变 {flow.done.unchanged} 人{flow.done.ended ? `，${flow.done.ended} 人已迁出` : ''}。
          </Text>
          {flow.done.rejected.length > 0 && <Text className='hint'>有问题的 {flow.done.rejected.length} 行未导入，改好后可再次导入同一文件。</Text>}
          <Button className='ledger-import__households' type='primary' fill='outline' onClick={showHouseholds}>
            查看住户台账
          </Button>
        </View>
      )}

      {report && (
        <View className='ledger-import__report'>
          <View className='ledger-counts'>
            <View className='ledger-counts__item ledger-counts__item--added'>
              <Text className='ledger-counts__value'>{report.added}</Text>
              <Text className='ledger-counts__label'>新增</Text>
            </View>
            <View className='ledger-counts__item ledger-counts__item--changed'>
              <Text className='ledger-counts__value'>{report.changed}</Text>
              <Text className='ledger-counts__label'>变更</Text>
            </View>
            <View className='ledger-counts__item ledger-counts__item--unchanged'>
              <Text className='ledger-counts__value'>{report.unchanged}</Text>
              <Text className='ledger-counts__label'>不变</Text>
            </View>
            <View className='ledger-counts__item ledger-counts__item--rejected'>
              <Text className='ledger-counts__value'>{report.rejected.length}</Text>
              <Text className='ledger-counts__label'>有问题</Text>
            </View>
          </View>
          <Text className='hint ledger__intro'>共读取 {report.totalRows} 行。以上为预览，尚未写入。</Text>

          {report.rejected.length > 0 && (
            <View className='ledger-section'>
              <Text className='ledger-section__title'>有问题的行（{report.rejected.length}）：改正后重新检查，或不改（这些行不会导入）</Text>
              {report.rejected.map((r) => (
                <RejectedRow key={r.row} rejected={r} fixed={!!flow.fixes[r.row]} busy={busy !== null} onFix={(cells) => flow.fixRow(r.row, r.cells, cells)} />
              ))}
            </View>
          )}

          {report.rows.length > 0 && (
            <View className='ledger-section'>
              <Text className='ledger-section__title'>将新增或变更（{report.rows.length}）</Text>
              {report.rows.slice(0, shown).map((r) => (
                <Text key={r.row} className={`ledger-row ledger-row--${r.action}`}>
                  {rowText(r)}
                </Text>
              ))}
              {report.rows.length > shown && (
                <Button className='ledger-import__more' type='default' size='small' onClick={() => setShown((n) => n + ROWS_SHOWN)}>
                  再显示 {Math.min(ROWS_SHOWN, report.rows.length - shown)} 行（还有 {report.rows.length - shown} 行）
                </Button>
              )}
            </View>
          )}

          {report.missing.length > 0 && (
            <View className='ledger-section ledger-import__missing'>
              <Text className='ledger-section__title'>文件中不再有的人（{report.missing.length}）</Text>
              <Text className='hint'>勾选确已搬走的人，确认导入时记为“已迁出”（记录保留）；不勾选的保持原样。</Text>
              {report.missing.map((m) => (
                <Checkbox
                  key={m.memberId}
                  className='ledger-import__leaver'
                  checked={flow.leaving.includes(m.memberId)}
                  onChange={(on: boolean) => flow.toggleLeaving(m.memberId, on)}
                  label={`${m.household} ${m.name}（${MEMBER_RELATION_LABELS[m.relation]}）`}
                />
              ))}
            </View>
          )}

          <View className='ledger-actions'>
            <Button className='ledger-import__confirm' type='primary' size='large' block loading={busy === 'confirm'} disabled={busy !== null || nothingToWrite} onClick={() => setAsking('confirm')}>
              {nothingToWrite ? '台账已是最新，无需导入' : '确认导入'}
            </Button>
          </View>
        </View>
      )}

      <Dialog
        visible={asking === 'confirm' && report !== null}
        title='确认导入台账？'
        content={report ? confirmText(report, flow.leaving.length) : ''}
        confirmText='确认导入'
        cancelText='再看看'
        onConfirm={() => {
          setAsking(null)
          void flow.confirm()
        }}
        onCancel={() => setAsking(null)}
      />
      <Dialog
        visible={asking === 'whole-phones'}
        title='导出完整手机号？'
        content='导出的文件含住户完整手机号，本次导出会记入操作日志。请妥善保管，不要转发到群聊。'
        confirmText='导出'
        cancelText='取消'
        onConfirm={() => exportLedger('whole')}
        onCancel={() => setAsking(null)}
      />
    </Page>
  )
}
