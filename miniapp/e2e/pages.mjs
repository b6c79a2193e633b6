// Every page of the app and who opens it: the accessibility test (a11y.test.mjs) visits each one as each of
// those people, in normal and in elder mode. A new page joins with one line here; a page that needs an id
// says how to find one through the API, as that person.

/** The demo people (server seed) the test logs in as. */
export const PEOPLE = {
  visitor: null, // not logged in
  resident: '王秀英',
  worker: '赵敏', // 青和居第一网格网格员: 王秀英's building is in his grid
  committee: '黄丽华',
  owner: '曹建华', // 议事: an owner of 钢花村11栋 (1单元101), where the demo seed has topics in every stage
  ghcCommittee: '何志刚', // 钢花村社区's committee member, who runs those topics
  ownersCommittee: '叶永平', // 钢花村社区's 业委会 (owners' committee), an owner of 钢花村11栋2单元501
}

const firstTicket = (scope) => async (api) => {
  const { items } = await api(`/api/tickets?scope=${scope}&page=1&pageSize=1`)
  if (!items.length) throw new Error(`the demo seed has no ticket in scope=${scope}`)
  return `?id=${items[0].id}`
}

const firstHousehold = async (api) => {
  const { items } = await api('/api/ledger/households?communityId=1&page=1&pageSize=1')
  if (!items.length) throw new Error('the demo seed has no household in community 1')
  return `?id=${items[0].id}`
}

/** A topic of the demo seed in the given stage (钢花村11栋 has one in each). */
const topicIn = async (api, status) => {
  const { items } = await api(`/api/topics?status=${status}&page=1&pageSize=1`)
  if (!items.length) throw new Error(`the demo seed has no topic in stage ${status} for this person`)
  return items[0].id
}
const firstTopic = (status) => async (api) => `?id=${await topicIn(api, status)}`
/** The latest vote of a topic in the given stage. */
const voteOf = (status) => async (api) => {
  const topic = await api(`/api/topics/${await topicIn(api, status)}`)
  if (!topic.votes.length) throw new Error(`the demo seed's topic in stage ${status} has no vote`)
  return `?id=${topic.votes[topic.votes.length - 1].id}`
}

const everyone = ['resident', 'worker', 'committee']

/** 预约: the first item of the person's community (the demo seed's catalogue), its first slot, their first booking (harness.mjs ensureBookingDemo). */
const firstService = async (api) => {
  const items = await api('/api/services')
  if (!items.length) throw new Error('the demo seed has no service item in this person\'s community')
  return `?id=${items[0].id}`
}
/** The community's `units` item (the seed's garden plots): 认领 wording, periods instead of a date strip. */
const gardenService = async (api) => {
  const garden = (await api('/api/services')).find((i) => i.mode === 'units')
  if (!garden) throw new Error('the demo seed has no units item (garden plots) in this person\'s community')
  return `?id=${garden.id}`
}
const firstBooking = async (api) => {
  const { items } = await api('/api/bookings?scope=mine&page=1&pageSize=1')
  if (!items.length) throw new Error('the demo seed has no booking of this person')
  return `?id=${items[0].id}`
}
/** The committee manages every item of its community. */
const firstCommunitySlot = async (api) => {
  for (const item of await api('/api/services')) {
    const slots = await api(`/api/services/${item.id}/slots`)
    if (slots.length) return `?slotId=${slots[0].id}`
  }
  throw new Error('the demo seed has no slot in this person\'s community')
}

/**
 * route: the page path; who: the people who open it; query: its parameters, found as that person; shows: what the
 * page shows once it has loaded (the sweep fails when it does not: a page that broke is not an accessible page).
 */
export const PAGES = [
  { route: 'pages/login/index', who: ['visitor'] },
  { route: 'pages/legal/index', who: ['visitor'], query: async () => '?doc=agreement' },
  { route: 'pages/legal/index', who: ['visitor'], query: async () => '?doc=policy' },
  { route: 'pages/index/index', who: [...everyone, 'owner'] },
  { route: 'pages/deliberation/index', who: [...everyone, 'owner'] },
  { route: 'pages/topic-new/index', who: ['owner'] },
  // The committee's proposal: 相关楼栋 or 全社区, and the community's tickets to link (转为议题).
  { route: 'pages/topic-new/index', who: ['ghcCommittee'], shows: '.topic-new__tickets' },
  { route: 'pages/topic/index', who: ['owner'], query: firstTopic('seconding') },
  { route: 'pages/topic/index', who: ['owner'], query: firstTopic('voting') },
  { route: 'pages/topic/index', who: ['owner'], query: firstTopic('done') },
  { route: 'pages/vote/index', who: ['owner'], query: voteOf('voting') },
  { route: 'pages/vote/index', who: ['owner'], query: voteOf('implementing') },
  { route: 'pages/results/index', who: ['owner'] },
  { route: 'owners/topics/index', who: ['ownersCommittee'] },
  { route: 'pages/topic/index', who: ['ownersCommittee'], query: firstTopic('notice'), shows: '.topic-comment-form__as' },
  { route: 'pages/report/index', who: ['resident'] },
  { route: 'pages/mine/index', who: everyone },
  { route: 'pages/messages/index', who: everyone },
  { route: 'pages/board/index', who: ['resident'] },
  { route: 'pages/tickets/index', who: ['resident'] },
  { route: 'pages/ticket/index', who: ['resident'], query: firstTicket('mine') },
  { route: 'pages/profile/index', who: ['resident'] },
  { route: 'pages/bind/index', who: ['resident'] },
  { route: 'pages/mydata/index', who: ['resident'] },
  { route: 'pages/services/index', who: ['resident'] },
  { route: 'pages/service/index', who: ['resident'], query: firstService },
  { route: 'pages/service/index', who: ['resident'], query: gardenService, shows: '.section-title' },
  { route: 'pages/bookings/index', who: ['resident'] },
  { route: 'pages/booking/index', who: ['resident'], query: firstBooking },
  { route: 'worker/inbox/index', who: ['worker'] },
  { route: 'worker/book-for/index', who: ['worker'] },
  { route: 'provider/slots/index', who: ['committee'] },
  { route: 'provider/roster/index', who: ['committee'], query: firstCommunitySlot },
  { route: 'provider/figures/index', who: ['committee'] },
  { route: 'provider/service/index', who: ['committee'], shows: '.provider-form__save' },
  { route: 'provider/service/index', who: ['committee'], query: firstService, shows: '.provider-form__name input, input.provider-form__name' },
  { route: 'provider/schedule/index', who: ['committee'], query: async (api) => `?serviceId=${(await firstService(api)).slice('?id='.length)}`, shows: '.schedule__save' },
  { route: 'provider/schedule/index', who: ['committee'], query: async (api) => `?serviceId=${(await gardenService(api)).slice('?id='.length)}`, shows: '.new-period__add' },
  { route: 'worker/ticket/index', who: ['worker'], query: firstTicket('assigned') },
  { route: 'committee/tickets/index', who: ['committee'] },
  { route: 'committee/ticket/index', who: ['committee'], query: firstTicket('community') },
  { route: 'committee/dashboard/index', who: ['committee'] },
  { route: 'committee/bindings/index', who: ['committee'] },
  { route: 'committee/claims/index', who: ['committee'] },
  { route: 'committee/holds/index', who: ['committee'] },
  { route: 'committee/ledger/index', who: ['committee'] },
  { route: 'committee/ledger-import/index', who: ['committee'] },
  { route: 'committee/ledger-household/index', who: ['committee'], query: firstHousehold },
  { route: 'committee/ledger-care/index', who: ['committee'] },
  { route: 'committee/topics/index', who: ['ghcCommittee'] },
  { route: 'committee/topic/index', who: ['ghcCommittee'], query: firstTopic('submitted') },
  { route: 'committee/topic/index', who: ['ghcCommittee'], query: firstTopic('notice') },
  { route: 'committee/topic/index', who: ['ghcCommittee'], query: firstTopic('voting') },
  { route: 'committee/topic/index', who: ['ghcCommittee'], query: firstTopic('implementing') },
  { route: 'committee/vote-roll/index', who: ['ghcCommittee'], query: voteOf('voting') },
]
