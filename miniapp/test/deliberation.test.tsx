import { describe, expect, it } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { TopicDetail, VoteDetail } from '@linli/shared'
import { router } from './mocks/taro'
import { fakeApi, loginAs } from './fakeApi'
import DeliberationPage from '../src/pages/deliberation/index'
import NewTopicPage, { missingForProposal, scopeChoices, toggleId } from '../src/pages/topic-new/index'
import { meetingDays, meetingTimes, startTimesOn } from '../src/utils/deliberation'
import TopicPage from '../src/pages/topic/index'
import VotePage, { checkReceipt } from '../src/pages/vote/index'
import ResultsPage from '../src/pages/results/index'
import CommitteeTopicPage from '../src/committee/topic/index'
import OwnersTopicsPage, { ownersCommunityOf } from '../src/owners/topics/index'
import { cosignProgress } from '../src/components/TopicCard'
import { turnoutText } from '../src/components/TopicParts'
import { localTimeToIso } from '../src/utils/format'

const T0 = '2026-12-01T02:00:00.000Z' // 12月1日 10:00 in Beijing
const scope = { kind: 'building' as const, label: '本楼栋 钢花村11栋', buildings: [{ id: 11, name: '钢花村11栋' }], grid: null, households: 24 }

function topic(overrides: Partial<TopicDetail> = {}): TopicDetail {
  return {
    id: 5,
    communityId: 2,
    title: '11栋加装电梯',
    status: 'seconding',
    scope,
    proposerRole: 'resident',
    priority: null,
    cosigns: 3,
    threshold: 5,
    secondingEndsAt: '2026-12-15T10:00:00.000Z',
    createdAt: T0,
    updatedAt: T0,
    version: 1,
    description: '11栋六层无电梯，老人上下楼困难，想商量加装电梯',
    proposer: '曹**',
    declineReason: null,
    noticeDays: 7,
    planVersion: 0,
    noticeStartedAt: null,
    tickets: [],
    plans: [],
    reviews: [],
    comments: [],
    tasks: [],
    votes: [],
    meetings: [],
    ratings: { satisfied: 0, basically_satisfied: 0, unsatisfied: 0, satisfactionRate: null },
    myCosign: false,
    myRating: null,
    allowedActions: ['cosign'],
    canComment: false,
    timeline: [{ id: 1, type: 'proposed', actor: { name: '曹**', role: 'resident' }, note: null, at: T0 }],
    ...overrides,
  }
}

const counts = (households: number, area: number) => ({ households, heads: households, area })

function vote(overrides: Partial<VoteDetail> = {}): VoteDetail {
  return {
    id: 9,
    topicId: 5,
    planVersion: 1,
    rule: 'civil_code_major',
    ruleText: '专有面积和人数均占三分之二以上的业主参与表决，且经参与表决面积四分之三以上、人数四分之三以上的业主同意',
    quorum: null,
    secret: true,
    status: 'open',
    openedAt: T0,
    closesAt: '2026-12-08T12:00:00.000Z',
    closedAt: null,
    roll: counts(24, 2301.6),
    turnout: counts(3, 298.5),
    result: null,
    myBallots: [{ householdId: 101, household: '1单元101', choice: null, receipt: null, castAt: null, channel: null }],
    rollNote: '表决名册在开始表决时确定，之后迁入迁出不改变名册。',
    ...overrides,
  }
}

describe('议事 words worked out by hand', () => {
  it('co-signing says how many more households are needed and until when (local time)', () => {
    expect(cosignProgress({ cosigns: 3, threshold: 5, secondingEndsAt: '2026-12-15T10:00:00.000Z' })).toBe('已联署3户，还差2户达到5户，12月15日 18:00截止')
    expect(cosignProgress({ cosigns: 5, threshold: 5, secondingEndsAt: null })).toBe('已联署5户，达到5户')
  })
  it('turnout names households, and the area for the Civil Code rules, never the choices', () => {
    expect(turnoutText(vote())).toBe('已投票3户（共24户），专有面积298.5㎡（共2301.6㎡）')
    expect(turnoutText(vote({ rule: 'unanimity' }))).toBe('已投票3户（共24户）')
  })
  it('a local day and time become the UTC instant (Beijing is UTC+8)', () => {
    expect(localTimeToIso('2026-12-10', '19:00', 480)).toBe('2026-12-10T11:00:00.000Z')
    expect(localTimeToIso('2026-12-10', '7:05', 480)).toBe('2026-12-09T23:05:00.000Z')
    expect(localTimeToIso('2026-12-10', '25:00', 480)).toBeNull()
    expect(localTimeToIso('12/10', '19:00', 480)).toBeNull()
  })
  it('a receipt code is found whatever its case, or said to be missing', () => {
    const receipts = { voteId: 9, receipts: [{ receipt: 'K7P2QX9A', choice: 'no' as const }] }
    expect(checkReceipt(receipts, 'k7p2qx9a')).toBe('回执 K7P2QX9A 已计入，计为“反对”')
    expect(checkReceipt(receipts, 'AAAA1111')).toBe('没有找到回执 AAAA1111，请核对后再查，或联系居委会')
  })
})

describe('议事 tab', () => {
  it('lists the open topics first, and a stage chip asks for that stage only', async () => {
    loginAs([{ role: 'resident', communityId: 2 }])
    const api = fakeApi({ 'GET /api/topics': { items: [topic()], total: 1, page: 1, pageSize: 20 } })
    render(<DeliberationPage />)
    expect(await screen.findByText('11栋加装电梯')).toBeTruthy()
    expect(screen.getByText('已联署3户，还差2户达到5户，12月15日 18:00截止')).toBeTruthy()
    expect(api.mock.calls[0][0].url).toContain(`status=${encodeURIComponent('seconding,submitted,discussion,notice,voting,implementing')}`)
    fireEvent.click(screen.getByText('表决'))
    await waitFor(() => expect(api.mock.calls.at(-1)![0].url).toContain('status=voting&'))
    expect(screen.getByText('提议题')).toBeTruthy()
  })
})

describe('提议题', () => {
  const me = { id: 30, name: '曹建华', roles: [], community: { id: 2, name: '钢花村社区', utcOffsetMinutes: 480 }, building: { id: 11, name: '钢花村11栋' }, grid: { id: 3, name: '钢花村第一网格' }, household: { id: 101, label: '1单元101', bindingStatus: 'approved' }, phone: null, gridWorkers: [] }

  it('offers the scopes that hold the resident\'s home, and says what is missing', () => {
    expect(scopeChoices(me).map((c) => c.label)).toEqual(['本楼栋（钢花村11栋）', '相关楼栋（含钢花村11栋）', '本网格（钢花村第一网格）', '全社区（钢花村社区）'])
    expect(scopeChoices({ building: null, grid: null, community: null })).toEqual([])
    const building = scopeChoices(me)[0]
    expect(missingForProposal('电梯', '想商量加装电梯的事情', building)).toBe('标题至少4个字')
    expect(missingForProposal('加装电梯', '装电梯', building)).toBe('请把想商量的事说清楚，至少10个字')
    expect(missingForProposal('加装电梯', '想商量加装电梯的事情', undefined)).toBe('请选择议题涉及的范围')
    expect(missingForProposal('加装电梯', '想商量加装电梯的事情', building)).toBeNull()
  })

  it('a refusal by content security is shown on the page, the form stays, and the retry sends the same key', async () => {
    loginAs([{ role: 'resident', communityId: 2 }], 30, '曹建华')
    let attempts = 0
    const api = fakeApi({
      'GET /api/me': me,
      'POST /api/topics': () => (++attempts === 1 ? { statusCode: 422, code: 'CONTENT_RISKY', message: '内容含有不宜公开的信息，请修改后再提交' } : topic()),
    })
    render(<NewTopicPage />)
    await screen.findByText('本楼栋（钢花村11栋）')
    fireEvent.change(screen.getByPlaceholderText(/议题标题/), { target: { value: '11栋加装电梯' } })
    fireEvent.change(screen.getByPlaceholderText(/说说遇到的问题/), { target: { value: '11栋六层无电梯，老人上下楼困难' } })
    fireEvent.click(screen.getByText('提交议题'))
    expect((await screen.findByTestId('topic-refusal')).textContent).toBe('内容含有不宜公开的信息，请修改后再提交')
    expect((screen.getByPlaceholderText(/议题标题/) as HTMLInputElement).value).toBe('11栋加装电梯')
    fireEvent.click(screen.getByText('提交议题'))
    await waitFor(() => expect(attempts).toBe(2))
    const posts = api.mock.calls.map((c) => c[0]).filter((c) => c.method === 'POST')
    expect(posts[0].data).toEqual({ scope: 'building', buildingIds: [11], title: '11栋加装电梯', description: '11栋六层无电梯，老人上下楼困难' })
    expect(posts[1].header['Idempotency-Key']).toBe(posts[0].header['Idempotency-Key'])
  })
})

describe('议题 page', () => {
  it('co-signs once for the household and then says so', async () => {
    loginAs([{ role: 'resident', communityId: 2 }], 31, '邓淑芬')
    router.params = { id: '5' }
    const api = fakeApi({
      'GET /api/topics/5': topic(),
      'POST /api/topics/5/cosign': topic({ cosigns: 4, myCosign: true, allowedActions: [] }),
    })
    render(<TopicPage />)
    fireEvent.click(await screen.findByText('我家联署'))
    expect(await screen.findByText('您家已联署')).toBeTruthy()
    expect(screen.getByText('已联署4户，还差1户达到5户，12月15日 18:00截止')).toBeTruthy()
    expect(screen.queryByText('我家联署')).toBeNull()
    expect(api.mock.calls.filter((c) => c[0].method === 'POST')).toHaveLength(1)
  })

  it('a full meeting offers the waiting list; on it, the page says the place in line; minutes are shown', async () => {
    loginAs([{ role: 'resident', communityId: 2 }], 31, '邓淑芬')
    router.params = { id: '5' }
    const meeting = {
      id: 3,
      topicId: 5,
      title: '加装电梯恳谈会',
      startsAt: '2099-12-10T11:00:00.000Z',
      endsAt: '2099-12-10T13:00:00.000Z',
      place: '社区会议室',
      venue: null,
      cancelledAt: null,
      cancelReason: null,
      capacity: 2,
      standingMembers: ['居委会', '业委会', '物业公司'],
      registered: 2,
      waiting: 0,
      myRegistration: null,
      attendees: null,
      attendance: null,
      minutes: null,
      minutesPublishedAt: null,
    }
    const api = fakeApi({
      'GET /api/topics/5': topic({ status: 'discussion', allowedActions: [], canComment: true, meetings: [meeting] }),
      'POST /api/meetings/3/registration': { ...meeting, waiting: 1, myRegistration: { status: 'waiting', position: 1 } },
    })
    render(<TopicPage />)
    expect(await screen.findByText('名额2人，已报名2人')).toBeTruthy()
    fireEvent.click(screen.getByText('加入候补'))
    // The action answers the meeting, not the topic: the page reloads the topic (the fake still answers the old one).
    await waitFor(() => expect(api.mock.calls.filter((c) => c[0].url.endsWith('/api/topics/5')).length).toBe(2))
    expect(api.mock.calls.some((c) => c[0].method === 'POST' && c[0].url.endsWith('/api/meetings/3/registration'))).toBe(true)
  })

  it('rates the result once it is done, with one of the three words', async () => {
    loginAs([{ role: 'resident', communityId: 2 }], 31, '邓淑芬')
    router.params = { id: '5' }
    const done = topic({ status: 'done', allowedActions: ['rate'], ratings: { satisfied: 2, basically_satisfied: 1, unsatisfied: 1, satisfactionRate: 0.75 } })
    const api = fakeApi({
      'GET /api/topics/5': done,
      'POST /api/topics/5/rate': { ...done, allowedActions: [], myRating: 'basically_satisfied', ratings: { satisfied: 2, basically_satisfied: 2, unsatisfied: 1, satisfactionRate: 0.8 } },
    })
    render(<TopicPage />)
    expect(await screen.findByText('满意2户、基本满意1户、不满意1户，满意率75%')).toBeTruthy()
    fireEvent.click(screen.getByText('基本满意'))
    fireEvent.click(screen.getByText('提交评价'))
    expect(await screen.findByText('您家的评价：基本满意')).toBeTruthy()
    expect(screen.getByText('满意2户、基本满意2户、不满意1户，满意率80%')).toBeTruthy()
    expect(api.mock.calls.find((c) => c[0].method === 'POST')![0].data).toEqual({ rating: 'basically_satisfied' })
  })
})

describe('业委会议事 (owners\' committee)', () => {
  const owners = [{ role: 'resident' as const, communityId: 2 }, { role: 'owners_committee' as const, communityId: 2 }]

  it('lists its community\'s topics where its word is asked (恳谈, 公示) first, then by stage', async () => {
    loginAs(owners, 40, '叶永平')
    expect(ownersCommunityOf({ roles: [{ role: 'owners_committee', communityId: 2, placeLevel: 'community', placeId: 2, placeName: '钢花村社区' }] } as never)).toBe(2)
    const api = fakeApi({ 'GET /api/topics': { items: [topic({ status: 'discussion' })], total: 1, page: 1, pageSize: 20 } })
    render(<OwnersTopicsPage />)
    expect(await screen.findByText('11栋加装电梯')).toBeTruthy()
    const url = api.mock.calls[0][0].url
    expect(url).toContain(`status=${encodeURIComponent('discussion,notice')}`)
    expect(url).toContain('communityId=2')
    fireEvent.click(screen.getByText('落实'))
    await waitFor(() => expect(api.mock.calls.at(-1)![0].url).toContain('status=implementing&'))
  })

  it('says it is not a member to someone without the role', async () => {
    loginAs([{ role: 'resident', communityId: 2 }])
    fakeApi({})
    render(<OwnersTopicsPage />)
    expect(await screen.findByText(/您还不是业委会成员/)).toBeTruthy()
  })

  it('on the topic, comments as 业委会 and is shown as a standing member of the meeting, whose minutes it reads', async () => {
    loginAs(owners, 40, '叶永平')
    router.params = { id: '5' }
    const meeting = {
      id: 3, topicId: 5, title: '加装电梯恳谈会', startsAt: '2020-12-10T11:00:00.000Z', endsAt: '2020-12-10T13:00:00.000Z', place: '钢花村社区议事厅',
      venue: { id: 14, name: '议事厅使用预约' }, cancelledAt: null, cancelReason: null, capacity: 20, standingMembers: ['居委会', '业委会', '物业公司'],
      registered: 5, waiting: 0, myRegistration: null, attendees: null, attendance: 4, minutes: '各方同意加装电梯，费用按楼层分摊。', minutesPublishedAt: '2020-12-10T14:00:00.000Z',
    }
    const api = fakeApi({
      'GET /api/topics/5': topic({ status: 'notice', allowedActions: [], canComment: true, meetings: [meeting] }),
      'POST /api/topics/5/comments': topic({ status: 'notice', allowedActions: [], canComment: true, meetings: [meeting] }),
    })
    render(<TopicPage />)
    expect(await screen.findByText('您作为业委会常设成员参会')).toBeTruthy()
    expect(screen.getByText('各方同意加装电梯，费用按楼层分摊。')).toBeTruthy()
    expect(screen.getByText(/钢花村社区议事厅（已预约场地）/)).toBeTruthy()
    expect(screen.getByText('您将以“业委会”身份发表意见')).toBeTruthy()
    fireEvent.change(screen.getByPlaceholderText('发表您的意见或建议'), { target: { value: '业委会赞成此方案，建议尽快表决' } })
    fireEvent.click(screen.getByText('发表意见'))
    await waitFor(() => expect(api.mock.calls.some((c) => c[0].method === 'POST' && c[0].data.body === '业委会赞成此方案，建议尽快表决')).toBe(true))
  })
})

describe('居民表决', () => {
  it('a running secret ballot shows the rule, the turnout and the fixed roll, never a result; a ballot is confirmed, then its receipt shown', async () => {
    loginAs([{ role: 'resident', communityId: 2 }], 30, '曹建华')
    router.params = { id: '9' }
    let cast = false
    const api = fakeApi({
      'GET /api/votes/9': () => (cast ? vote({ turnout: counts(4, 388), myBallots: [{ householdId: 101, household: '1单元101', choice: 'yes', receipt: 'K7P2QX9A', castAt: T0, channel: 'app' }] }) : vote()),
      'PUT /api/votes/9/ballot': () => {
        cast = true
        return { householdId: 101, household: '1单元101', choice: 'yes', receipt: 'K7P2QX9A', castAt: T0, channel: 'app' }
      },
    })
    render(<VotePage />)
    expect((await screen.findByTestId('vote-rule')).textContent).toContain('专有面积和人数均占三分之二以上的业主参与表决')
    expect(screen.getByTestId('turnout').textContent).toContain('已投票3户（共24户），专有面积298.5㎡（共2301.6㎡）')
    expect(screen.getByTestId('turnout').textContent).toContain('结束前只公布投票户数')
    expect(screen.queryByText(/同意\d+户/)).toBeNull()
    expect(screen.getByText('表决名册在开始表决时确定，之后迁入迁出不改变名册。')).toBeTruthy()
    fireEvent.click(screen.getByText('同意'))
    expect(await screen.findByRole('dialog')).toBeTruthy()
    fireEvent.click(screen.getByText('确定'))
    expect((await screen.findByTestId('receipt')).textContent).toContain('K7P2QX9A')
    expect(screen.getByText(/您家已投“同意”/)).toBeTruthy()
    expect(api.mock.calls.find((c) => c[0].method === 'PUT')![0].data).toEqual({ choice: 'yes', householdId: 101 })
  })

  it('after the close: the result by the rule, and the household checks its receipt against the published list', async () => {
    loginAs([{ role: 'resident', communityId: 2 }], 30, '曹建华')
    router.params = { id: '9' }
    const result = { passed: false, quorumMet: true, cast: counts(24, 2301.6), yes: counts(23, 2212), no: counts(1, 89.6), abstain: counts(0, 0) }
    fakeApi({
      'GET /api/votes/9': vote({
        rule: 'unanimity',
        ruleText: '全部住户一致同意',
        status: 'closed',
        closedAt: '2026-12-08T12:00:00.000Z',
        turnout: counts(24, 2301.6),
        result,
        myBallots: [{ householdId: 101, household: '1单元101', choice: 'no', receipt: 'K7P2QX9A', castAt: T0, channel: 'app' }],
      }),
      'GET /api/votes/9/receipts': { voteId: 9, receipts: [{ receipt: 'A1B2C3D4', choice: 'yes' }, { receipt: 'K7P2QX9A', choice: 'no' }] },
    })
    render(<VotePage />)
    expect(await screen.findByText('表决未通过')).toBeTruthy()
    expect(screen.getByText('同意23户；反对1户；弃权0户；参与24户')).toBeTruthy()
    expect(screen.queryByText('反对', { selector: '.ballot-chip span' })).toBeNull() // no more choosing
    fireEvent.click(screen.getByText('核对我家的回执'))
    expect((await screen.findByTestId('receipt-answer')).textContent).toBe('回执 K7P2QX9A 已计入，计为“反对”')
  })
})

describe('议事公示栏', () => {
  it('lists the board\'s entries with their kind and local date, newest first as the API gives them', async () => {
    loginAs([{ role: 'resident', communityId: 2 }])
    fakeApi({
      'GET /api/me': { id: 1, name: '曹建华', roles: [], community: { id: 2, name: '钢花村社区', utcOffsetMinutes: 480 }, building: null, grid: null, household: null, phone: null, gridWorkers: [] },
      'GET /api/deliberation/board': {
        items: [
          { kind: 'decision', topicId: 5, topicTitle: '11栋加装电梯', title: '表决通过', body: '同意20户', at: '2026-12-08T12:00:00.000Z' },
          { kind: 'minutes', topicId: 5, topicTitle: '11栋加装电梯', title: '恳谈会纪要', body: '四方同意先做可行性评估', at: '2026-11-30T13:00:00.000Z' },
        ],
        total: 2,
        page: 1,
        pageSize: 20,
      },
    })
    render(<ResultsPage />)
    expect(await screen.findByText('表决结果 · 12月8日 20:00')).toBeTruthy()
    expect(screen.getByText('会议纪要 · 11月30日 21:00')).toBeTruthy()
  })
})

describe('议题办理 (committee)', () => {
  it('accepts a submitted topic only once a priority is chosen, and sends it', async () => {
    loginAs([{ role: 'committee_member', communityId: 2 }], 40, '何志刚')
    router.params = { id: '5' }
    const submitted = topic({ status: 'submitted', allowedActions: ['accept', 'decline', 'withdraw'], myCosign: false })
    const api = fakeApi({
      'GET /api/topics/5': submitted,
      'POST /api/topics/5/accept': { ...submitted, status: 'discussion', priority: 'urgent', allowedActions: ['publish_plan'] },
    })
    render(<CommitteeTopicPage />)
    const accept = (await screen.findByText('受理，列入议程')) as HTMLButtonElement
    expect(accept.disabled).toBe(true)
    fireEvent.click(screen.getByText('急办'))
    expect(accept.disabled).toBe(false)
    fireEvent.click(accept)
    expect(await screen.findByText('公示方案（第1版）')).toBeTruthy()
    expect(api.mock.calls.find((c) => c[0].method === 'POST')![0].data).toEqual({ priority: 'urgent' })
  })

  it('declining needs a written reason, which is sent as typed', async () => {
    loginAs([{ role: 'committee_member', communityId: 2 }], 40, '何志刚')
    router.params = { id: '5' }
    const submitted = topic({ status: 'submitted', allowedActions: ['accept', 'decline'] })
    const api = fakeApi({ 'GET /api/topics/5': submitted, 'POST /api/topics/5/decline': { ...submitted, status: 'declined', allowedActions: [], declineReason: '属于物业维修范围，已转报事' } })
    render(<CommitteeTopicPage />)
    const decline = (await screen.findByText('不予受理', { selector: 'button' })) as HTMLButtonElement
    expect(decline.disabled).toBe(true)
    fireEvent.change(screen.getByPlaceholderText(/不予受理的理由/), { target: { value: '属于物业维修范围，已转报事' } })
    fireEvent.click(decline)
    expect(await screen.findByText('不予受理的理由：属于物业维修范围，已转报事')).toBeTruthy()
    expect(api.mock.calls.find((c) => c[0].method === 'POST')![0].data).toEqual({ reason: '属于物业维修范围，已转报事' })
  })

  it('opens a simple-majority vote with its quorum as a share, secret by default', async () => {
    loginAs([{ role: 'committee_member', communityId: 2 }], 40, '何志刚')
    router.params = { id: '5' }
    const notice = topic({
      status: 'notice',
      allowedActions: ['publish_plan', 'record_review', 'open_vote'],
      planVersion: 1,
      plans: [{ version: 1, title: '加装电梯方案', body: '由业主出资、政府补贴，加装一部电梯', publishedAt: T0, noticeEndsAt: '2026-12-08T02:00:00.000Z', author: '何志刚' }],
    })
    const api = fakeApi({ 'GET /api/topics/5': notice, 'POST /api/topics/5/votes': vote({ rule: 'simple_majority', quorum: 0.6 }) })
    render(<CommitteeTopicPage />)
    fireEvent.click(await screen.findByText('过半数'))
    fireEvent.change(screen.getByPlaceholderText('参与表决的户数至少占百分之几'), { target: { value: '60' } })
    fireEvent.click(screen.getByText('开始表决', { selector: 'button' }))
    await waitFor(() => expect(api.mock.calls.some((c) => c[0].method === 'POST')).toBe(true))
    const body = api.mock.calls.find((c) => c[0].method === 'POST')![0].data
    expect(body).toMatchObject({ rule: 'simple_majority', quorum: 0.6, secret: true })
    expect(body.closesAt.endsWith('T12:00:00.000Z')).toBe(true) // 20:00 in Beijing, seven local days on
  })
})

describe('a meeting picked by chips, in a venue of 预约', () => {
  it('offers today and the next 13 local days; late at night today is gone (Beijing time)', () => {
    // 2026-12-02T15:30Z is 12月2日 23:30 in Beijing, a Wednesday: no half hour of daytime is left today.
    const late = meetingDays(new Date('2026-12-02T15:30:00.000Z'), 480)
    expect(late).toHaveLength(13)
    expect(late[0]).toEqual({ day: '2026-12-03', label: '明天 12月3日 周四' })
    expect(late[12]).toEqual({ day: '2026-12-15', label: '12月15日 周二' })
    // Half an hour later it is 12月3日 00:30: a new local day, today again.
    expect(meetingDays(new Date('2026-12-02T16:30:00.000Z'), 480)[0]).toEqual({ day: '2026-12-03', label: '今天 12月3日 周四' })
    // 20:10 local: only 20:30 is still ahead today; later days have all 26 (08:00 … 20:30).
    const evening = new Date('2026-12-02T12:10:00.000Z')
    expect(meetingDays(evening, 480)[0].label).toBe('今天 12月2日 周三')
    expect(startTimesOn('2026-12-02', evening, 480)).toEqual(['20:30'])
    expect(startTimesOn('2026-12-03', evening, 480)).toHaveLength(26)
    // 19:00–21:00 on 12月3日 in Beijing is 11:00–13:00 UTC.
    expect(meetingTimes('2026-12-03', '19:00', 120, 480)).toEqual({ startsAt: '2026-12-03T11:00:00.000Z', endsAt: '2026-12-03T13:00:00.000Z' })
    expect(meetingTimes('2026-12-03', '08:30', 90, 480)).toEqual({ startsAt: '2026-12-03T00:30:00.000Z', endsAt: '2026-12-03T02:00:00.000Z' })
  })

  it('the committee picks a venue, day and start; a venue taken then is said on the form, which keeps the choice', async () => {
    loginAs([{ role: 'committee_member', communityId: 2 }], 40, '何志刚')
    router.params = { id: '5' }
    const venue = { id: 7, communityId: 2, family: 'venue', name: '议事厅使用预约', provider: { kind: 'community', name: '钢花村社区' }, place: '钢花村社区议事厅', mode: 'slots', duration: '2小时', nextAvailableAt: null, active: true, canManage: true }
    let attempts = 0
    const api = fakeApi({
      'GET /api/topics/5': topic({ status: 'discussion', allowedActions: ['publish_plan'] }),
      'GET /api/services': [venue, { ...venue, id: 8, name: '开心农场菜地认领', mode: 'units' }],
      'POST /api/topics/5/meetings': () => (++attempts === 1 ? { statusCode: 409, code: 'VENUE_TAKEN', message: '议事厅使用预约在2026-12-04 19:00–21:00已被占用或已有居民预约，请另选时间或场地' } : topic({ status: 'discussion' })),
    })
    render(<CommitteeTopicPage />)
    const submit = (await screen.findByText('安排会议并通知居民')) as HTMLButtonElement
    expect(submit.disabled).toBe(true)
    expect(screen.queryByText(/开心农场/)).toBeNull() // booked by units, not by time: no hold possible
    fireEvent.click(await screen.findByText('议事厅使用预约（钢花村社区议事厅）'))
    // The mock components drop roles (the a11y sweep checks them in the browser): the chips by their class.
    const third = document.querySelectorAll('.when-picker__days .chip')[2] as HTMLElement
    fireEvent.click(third)
    fireEvent.click(screen.getByText('2小时'))
    expect(submit.disabled).toBe(false)
    fireEvent.click(submit)
    expect(await screen.findByText(/已被占用或已有居民预约，请另选时间或场地/, { selector: '.meeting-form__refusal' })).toBeTruthy()
    const post = api.mock.calls.find((c) => c[0].method === 'POST')![0].data
    const day = third.getAttribute('data-choice') as string
    expect(post).toMatchObject({ venueId: 7, startsAt: localTimeToIso(day, '19:00'), endsAt: new Date(Date.parse(localTimeToIso(day, '19:00') as string) + 7_200_000).toISOString(), capacity: 30 })
    expect(post.place).toBeUndefined()
    expect(third.className).toContain('chip--active')
  })
})

describe('提议题 for several buildings, and from tickets', () => {
  const me = { id: 30, name: '曹建华', roles: [], community: { id: 2, name: '钢花村社区', utcOffsetMinutes: 480 }, building: { id: 11, name: '钢花村11栋' }, grid: null, household: { id: 101, label: '1单元101', bindingStatus: 'approved' }, phone: null, gridWorkers: [] }
  const buildings = [11, 12, 13].map((id) => ({ id, name: `钢花村${id}栋`, gridId: 3, communityId: 2, lat: null, lng: null }))

  it('a resident keeps their own building and adds others', async () => {
    expect(toggleId([11], 11, 11)).toEqual([11])
    expect(toggleId([11, 12], 12, 11)).toEqual([11])
    expect(toggleId([11], 13, 11)).toEqual([11, 13])
    loginAs([{ role: 'resident', communityId: 2 }], 30, '曹建华')
    const api = fakeApi({ 'GET /api/me': me, 'GET /api/places/buildings': buildings, 'POST /api/topics': topic() })
    render(<NewTopicPage />)
    fireEvent.click(await screen.findByText('相关楼栋（含钢花村11栋）'))
    fireEvent.click(await screen.findByText('钢花村13栋'))
    const own = screen.getByText('钢花村11栋（本楼）').closest('.chip') as HTMLElement
    fireEvent.click(own)
    expect(own.className).toContain('chip--active')
    fireEvent.change(screen.getByPlaceholderText(/议题标题/), { target: { value: '11栋13栋之间的道路照明' } })
    fireEvent.change(screen.getByPlaceholderText(/说说遇到的问题/), { target: { value: '两栋楼之间的路灯坏了一年，晚上看不清路' } })
    fireEvent.click(screen.getByText('提交议题'))
    await waitFor(() => expect(api.mock.calls.some((c) => c[0].method === 'POST')).toBe(true))
    expect(api.mock.calls.find((c) => c[0].method === 'POST')![0].data).toEqual({ scope: 'buildings', buildingIds: [11, 13], title: '11栋13栋之间的道路照明', description: '两栋楼之间的路灯坏了一年，晚上看不清路' })
  })

  it('a committee member comes from a ticket (转为议题) with it linked, and links one more', async () => {
    loginAs([{ role: 'committee_member', communityId: 2 }], 40, '何志刚')
    router.params = { ticketId: '91' }
    const committee = { ...me, id: 40, name: '何志刚', building: null, household: null, roles: [{ role: 'committee_member', communityId: 2, placeLevel: 'community', placeId: 2, placeName: '钢花村社区' }] }
    expect(scopeChoices(committee).map((c) => c.scope)).toEqual(['buildings', 'community'])
    const t = (id: number, code: string, description: string) => ({ id, code, description, status: 'done', category: { id: 1, name: '环境卫生', icon: '' }, communityId: 2 })
    const api = fakeApi({
      'GET /api/me': committee,
      'GET /api/places/buildings': buildings,
      'GET /api/tickets': { items: [t(92, 'T20261130-0002', '12栋垃圾桶满溢'), t(91, 'T20261129-0001', '11栋垃圾桶满溢')], total: 2, page: 1, pageSize: 50 },
      'POST /api/topics': topic(),
    })
    render(<NewTopicPage />)
    expect((await screen.findByText(/T20261129-0001/)).closest('.chip')!.className).toContain('chip--active')
    expect(screen.getByText('已关联1件报事')).toBeTruthy()
    fireEvent.click(screen.getByText(/T20261130-0002/))
    fireEvent.click(await screen.findByText('钢花村11栋'))
    fireEvent.click(screen.getByText('钢花村12栋'))
    fireEvent.change(screen.getByPlaceholderText(/议题标题/), { target: { value: '垃圾桶增设与清运时间' } })
    fireEvent.change(screen.getByPlaceholderText(/说说遇到的问题/), { target: { value: '11栋12栋垃圾桶反复满溢，一个月报事多次' } })
    fireEvent.click(screen.getByText('提交议题'))
    await waitFor(() => expect(api.mock.calls.some((c) => c[0].method === 'POST')).toBe(true))
    expect(api.mock.calls.find((c) => c[0].method === 'POST')![0].data).toEqual({ scope: 'buildings', buildingIds: [11, 12], title: '垃圾桶增设与清运时间', description: '11栋12栋垃圾桶反复满溢，一个月报事多次', ticketIds: [91, 92] })
  })
})
