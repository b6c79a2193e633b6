import Taro from '@tarojs/taro'
import { ROLE_LABELS, TICKET_STATUS_LABELS } from '@linli/shared'
import { Text, View } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { useMyData } from '../../hooks/useAccount'
import { useSession } from '../../hooks/useSession'
import { formatDateTime } from '../../utils/format'
import './index.scss'

/** Names of what the export holds, as a resident reads them; a key not listed is shown as it is. */
const LABELS: Record<string, string> = {
  exportedAt: '导出时间',
  user: '账号',
  account: '账号',
  profile: '资料',
  id: '编号',
  name: '姓名',
  nickname: '昵称',
  avatarUrl: '头像',
  phone: '手机号',
  phoneVerified: '手机号已验证',
  phoneVerifiedAt: '手机号验证时间',
  wechatLinked: '已关联微信',
  householdLabel: '房屋',
  ticketActions: '我在报事中的操作',
  ticketId: '报事编号',
  deliberation: '我参与的议事',
  topics: '我提的议题',
  cosigns: '联署',
  ballots: '表决票',
  ratings: '评价',
  meetings: '恳谈会报名',
  topicId: '议题编号',
  voteId: '表决编号',
  meetingId: '会议编号',
  receipt: '回执码',
  choice: '选择',
  castAt: '投票时间',
  type: '类型',
  note: '说明',
  following: '我附议的报事',
  since: '开始时间',
  anonymous: '匿名',
  location: '位置',
  url: '地址',
  mimeType: '文件类型',
  size: '大小（字节）',
  subject: '被查看人',
  placeName: '地点',
  placeLevel: '层级',
  placeId: '地点编号',
  openid: '微信身份标识',
  createdAt: '创建时间',
  consentVersion: '同意的政策版本',
  consentedAt: '同意时间',
  roles: '身份',
  role: '身份',
  bindings: '住址绑定',
  household: '房屋',
  householdId: '房屋编号',
  communityId: '社区编号',
  status: '状态',
  reason: '原因',
  decidedAt: '审核时间',
  tickets: '我的报事',
  code: '编号',
  description: '描述',
  category: '类别',
  photoUrls: '照片',
  lat: '纬度',
  lng: '经度',
  rating: '评价',
  ratingComment: '评价内容',
  comments: '评论',
  follows: '附议',
  followers: '附议',
  notifications: '消息',
  kind: '类型',
  title: '标题',
  body: '内容',
  readAt: '阅读时间',
  files: '上传的文件',
  phoneReveals: '号码查看记录',
  revealedBy: '查看人',
  viewer: '查看人',
  at: '时间',
  claims: '身份认领',
  heldTexts: '待审核的文字',
  field: '位置',
  text: '文字',
  releasedAt: '放行时间',
}

export interface ExportRow {
  label: string
  value: string
}
export interface ExportSection {
  title: string
  rows: ExportRow[]
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/** States as the app names them elsewhere: matters, bindings, claims. */
const STATUS_WORDS: Record<string, string> = {
  ...TICKET_STATUS_LABELS,
  pending: '待审核',
  approved: '已认证',
  rejected: '未通过',
  ended: '已解除',
  withdrawn: '已撤回',
  confirmed: '已确认',
}

function label(key: string): string {
  return LABELS[key] ?? key
}

function show(value: unknown, key?: string): string {
  if (key === 'status' && typeof value === 'string') return STATUS_WORDS[value] ?? value
  if (key === 'role' && typeof value === 'string') return ROLE_LABELS[value as keyof typeof ROLE_LABELS] ?? value
  if (value === null || value === undefined || value === '') return '无'
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (typeof value === 'string' && ISO_TIME.test(value)) return formatDateTime(value)
  if (Array.isArray(value)) return value.length ? value.map((v) => show(v)).join('、') : '无'
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${label(k)}：${show(v, k)}`)
      .join('；')
  }
  return String(value)
}

/** The export as sections a person can read: one per top-level part, one row per field or item. */
export function describeExport(data: object): ExportSection[] {
  const general: ExportRow[] = []
  const sections: ExportSection[] = []
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value)) {
      sections.push({ title: `${label(key)}（${value.length}）`, rows: value.map((item, i) => ({ label: `${i + 1}`, value: show(item) })) })
    } else if (value && typeof value === 'object') {
      sections.push({ title: label(key), rows: Object.entries(value as Record<string, unknown>).map(([k, v]) => ({ label: label(k), value: show(v, k) })) })
    } else {
      general.push({ label: label(key), value: show(value, key) })
    }
  }
  return general.length ? [{ title: '概况', rows: general }, ...sections] : sections
}

/** 我的数据: everything Linli holds about me (GET /api/me/export), readable, and copyable as JSON. */
export default function MyDataPage() {
  useSession()
  const data = useMyData()
  const copy = () => data.data && void Taro.setClipboardData({ data: JSON.stringify(data.data, null, 2) })
  return (
    <Page className='mydata'>
      <Text className='hint mydata__intro'>这是邻里保存的关于您的全部信息。如需更正，可在“个人资料”中修改，或联系居委会。</Text>
      <LoadState loading={data.loading} error={data.error} onRetry={data.reload}>
        {data.data &&
          describeExport(data.data).map((s) => (
            <Cell.Group key={s.title} title={s.title}>
              {s.rows.length === 0 && <Cell title='无' />}
              {s.rows.map((r, i) => (
                <View key={`${r.label}-${i}`} className='mydata__row'>
                  <Text className='mydata__label'>{r.label}</Text>
                  <Text className='mydata__value'>{r.value}</Text>
                </View>
              ))}
            </Cell.Group>
          ))}
        <View className='actions'>
          <Button type='default' size='large' block onClick={copy}>
            复制全部数据（JSON）
          </Button>
        </View>
      </LoadState>
    </Page>
  )
}
