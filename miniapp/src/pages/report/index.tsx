import { useEffect, useMemo, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, Dialog, Picker, Switch, TextArea } from '@nutui/nutui-react-taro'
import { TEXT_LIMITS, TICKET_STATUS_LABELS, descriptionProblem, type CreateTicketRequest, type NearbyTicket, type TicketDetail } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { PhotoPicker } from '../../components/PhotoPicker'
import { PrivacySheet } from '../../components/PrivacySheet'
import { useMe } from '../../hooks/useMe'
import { takeHandedPhotos, usePhotoUploads } from '../../hooks/usePhotoUploads'
import { useCommunityBuildings } from '../../hooks/useHomeBinding'
import { useCategories } from '../../hooks/usePlaces'
import { useSession } from '../../hooks/useSession'
import { askForSubscriptions, useSubscriptionTemplates } from '../../hooks/useSubscriptions'
import { createTicket, fetchNearby, followTicket } from '../../hooks/useTickets'
import { IS_WEAPP } from '../../services/config'
import { createSubmissionKeys } from '../../services/idempotency'
import { clearReportDraft, loadReportDraft, saveReportDraft } from '../../services/report-draft'
import { pointWithoutAsking } from '../../services/location'
import { ApiRequestError, showError } from '../../services/request'
import { hasRole } from '../../services/session'
import { categoryIcon } from '../../utils/categoryIcon'
import { formatDistance } from '../../utils/format'
import { asChoice, asChoiceGroup } from '../../utils/a11y'
import { ERROR_MESSAGES } from '../../services/messages'
import { LinkCell } from '../../components/LinkCell'
import './index.scss'

interface PickedLocation {
  lat: number
  lng: number
  name: string
}

/**
 * What is missing before a report can go, in the words the form uses; null when it is complete. With a photo the
 * category may be left to the community (待分类: a committee member sets it, then it is dispatched).
 */
export function missingForReport(form: { categoryId: number | null; description: string; photoCount: number; buildingId: number | null; location: PickedLocation | null }): string | null {
  if (!form.categoryId && form.photoCount === 0) return '请选择报事类别，或拍张照片由社区分类'
  const description = descriptionProblem(form.description, form.photoCount)
  if (description) return description
  if (!form.location && !form.buildingId) return '请选择位置或楼栋'
  return null
}

export default function ReportPage() {
  const session = useSession()
  const categories = useCategories()
  const me = useMe()
  // A new user has no community yet: no buildings to offer, the map still works (routing by grid polygon).
  const communityId = me.data?.community?.id ?? null
  const buildings = useCommunityBuildings(communityId)
  const templates = useSubscriptionTemplates('report')
  const uploads = usePhotoUploads()

  const [categoryId, setCategoryId] = useState<number | null>(null)
  const [description, setDescription] = useState('')
  const [buildingId, setBuildingId] = useState<number | null>(null)
  const [location, setLocation] = useState<PickedLocation | null>(null)
  const [anonymous, setAnonymous] = useState(false)
  const [buildingPickerOpen, setBuildingPickerOpen] = useState(false)
  const [nearby, setNearby] = useState<NearbyTicket[]>([])
  const [submitting, setSubmitting] = useState(false)
  const [created, setCreated] = useState<TicketDetail | null>(null)
  const keys = useRef(createSubmissionKeys())
  const userId = session?.user.id ?? null
  // A draft kept from before (the network dropped, or WeChat closed the app) comes back once, with the key it was sent under.
  const [restored, setRestored] = useState(false)
  const [draftReady, setDraftReady] = useState(false)
  const draftLoaded = useRef(false)
  useEffect(() => {
    if (draftLoaded.current || userId === null) return
    draftLoaded.current = true
    setDraftReady(true) // in the same render as the restored fields: nothing is saved before them
    const d = loadReportDraft(userId)
    if (!d) return
    setCategoryId(d.categoryId)
    setDescription(d.description)
    if (d.buildingId !== null) setBuildingId(d.buildingId)
    setLocation(d.location)
    setAnonymous(d.anonymous)
    uploads.restore(d.photos)
    keys.current = createSubmissionKeys(undefined, d.sent)
    setRestored(true)
  }, [userId])
  const donePhotos = uploads.photos.filter((p) => p.status === 'done').map((p) => ({ fileId: p.fileId as number, url: p.url as string }))
  const keepDraft = () => {
    if (userId !== null && draftReady) saveReportDraft(userId, { categoryId, description, buildingId, location, anonymous, photos: donePhotos, sent: keys.current.pending() })
  }
  useEffect(keepDraft, [userId, draftReady, categoryId, description, buildingId, location, anonymous, donePhotos.map((p) => p.fileId).join()])
  const startOver = () => {
    if (userId !== null) clearReportDraft(userId)
    keys.current.done()
    setCategoryId(null)
    setDescription('')
    setLocation(null)
    setAnonymous(false)
    uploads.reset()
    setRestored(false)
  }

  // 随手拍 from 首页: the photo just taken starts uploading here, and where the phone is, if WeChat tells without asking.
  useDidShow(() => {
    const handed = takeHandedPhotos()
    if (!handed.length) return
    void uploads.add(handed)
    void pointWithoutAsking().then((here) => {
      if (here) setLocation((picked) => picked ?? { ...here, name: '拍照位置' })
    })
  })

  // The resident's own building is the usual place of a matter.
  useEffect(() => {
    if (buildingId === null && me.data?.building) setBuildingId(me.data.building.id)
  }, [me.data, buildingId])

  const building = buildings.data?.find((b) => b.id === buildingId) ?? null
  // The point the matter is at: the one picked on the map, else the building's (when the API gives it).
  const point = location ?? (building && typeof building.lat === 'number' && typeof building.lng === 'number' ? { lat: building.lat, lng: building.lng } : null)

  // Before reporting: is the same matter already reported nearby? Then 附议 instead.
  useEffect(() => {
    if (!categoryId || !point) {
      setNearby([])
      return
    }
    let stale = false
    fetchNearby(point.lat, point.lng, categoryId)
      .then((list) => !stale && setNearby(list))
      .catch(() => !stale && setNearby([]))
    return () => {
      stale = true
    }
  }, [categoryId, point?.lat, point?.lng])
  const buildingOptions = useMemo(() => [(buildings.data ?? []).map((b) => ({ label: b.name, value: b.id }))], [buildings.data])

  const chooseLocation = async () => {
    try {
      const res = await Taro.chooseLocation({})
      setLocation({ lat: res.latitude, lng: res.longitude, name: res.name || res.address || '已选位置' })
    } catch (err) {
      const msg = (err as { errMsg?: string })?.errMsg ?? ''
      if (!/cancel/i.test(msg)) showError(new Error(ERROR_MESSAGES.mapUnavailable))
    }
  }

  const follow = async (t: NearbyTicket) => {
    try {
      await followTicket(t.id)
      Taro.showToast({ title: '已附议，办理进展会通知您', icon: 'none' })
      void Taro.navigateTo({ url: `/pages/ticket/index?id=${t.id}` })
    } catch {
      // request() showed why
    }
  }

  const submit = async () => {
    if (submitting) return
    const missing = missingForReport({ categoryId, description, photoCount: uploads.fileIds.length, buildingId, location })
    if (missing) return showError(new Error(missing))
    if (uploads.uploading) return showError(new Error(ERROR_MESSAGES.photosUploading))
    if (uploads.failed) return showError(new Error(ERROR_MESSAGES.photoUploadFailed))
    const body: CreateTicketRequest = {
      ...(categoryId ? { categoryId } : {}),
      description: description.trim(),
      photoIds: uploads.fileIds,
      anonymous,
      ...(location ? { lat: location.lat, lng: location.lng } : {}),
      ...(buildingId ? { buildingId } : {}),
    }
    setSubmitting(true)
    try {
      const key = keys.current.keyFor(body)
      keepDraft() // with the key: if no answer comes, the next tap (even after a restart) resends under it
      const ticket = await createTicket(body, key)
      keys.current.done()
      if (userId !== null) clearReportDraft(userId)
      setRestored(false)
      setCreated(ticket)
      setCategoryId(null)
      setDescription('')
      setLocation(null)
      setAnonymous(false)
      uploads.reset()
    } catch (err) {
      const e = err as ApiRequestError
      // After a network failure the same tap sends the same Idempotency-Key: never two matters.
      showError(e.isNetworkError ? new Error(ERROR_MESSAGES.reportNotConfirmed) : e)
    } finally {
      setSubmitting(false)
    }
  }

  if (session && !hasRole(session.user, 'resident')) {
    return (
      <Page>
        <LoadState empty emptyText='报事面向本社区居民。您当前的身份没有居民角色。' />
      </Page>
    )
  }

  return (
    <Page className='report'>
      <PrivacySheet />
      {restored && (
        <View className='card report__draft'>
          <Text className='card__title'>已恢复上次没有提交成功的报事</Text>
          <Text className='hint'>核对后点“提交报事”就能发出，不会重复报事；不需要了可以清空重填。</Text>
          <Button size='small' type='primary' fill='outline' onClick={startOver}>
            清空重填
          </Button>
        </View>
      )}
      {me.data && !me.data.household && (
        <View className='card report__missing-home'>
          <Text className='card__title'>还没有绑定住址</Text>
          <Text className='hint'>{IS_WEAPP ? '绑定后可以直接选楼栋报事、附议邻居的报事。现在也可以在下方“地图选点”报事。' : '绑定后可以选楼栋报事、附议邻居的报事。'}</Text>
          <Button size='small' type='primary' fill='outline' onClick={() => Taro.navigateTo({ url: '/pages/bind/index' })}>
            去绑定住址
          </Button>
        </View>
      )}
      {uploads.photos.length > 0 && !categoryId && (
        <View className='card report__snap-ready'>
          <Text className='report__snap-ready-title'>照片已拍好，可以直接提交</Text>
          <Text className='hint'>类别可以不选，社区会帮您分类后派给负责的人。想说两句，可以在下面打字，或点键盘上的话筒说话。</Text>
          {/* The one tap that sends it, in sight without scrolling; the form's own button below does the same. */}
          <Button className='report__snap-submit' type='primary' size='large' block loading={submitting} disabled={submitting || uploads.uploading} onClick={submit}>
            {submitting ? '正在提交…' : uploads.uploading ? '照片上传中…' : '直接提交'}
          </Button>
        </View>
      )}
      <Text className='section-title'>1. 反映什么问题{uploads.photos.length > 0 ? '（可不选）' : ''}</Text>
      <LoadState loading={categories.loading} error={categories.error} onRetry={categories.reload} empty={categories.data?.length === 0} emptyText='暂无可报事的类别'>
        <View className='card report__categories' {...asChoiceGroup('报事类别')}>
          {(categories.data ?? []).map((c) => (
            <View
              key={c.id}
              className={`report__category${c.id === categoryId ? ' report__category--active' : ''}`}
              onClick={() => setCategoryId(c.id)}
              {...asChoice(c.id === categoryId, c.shortName)}
            >
              <Text className='report__category-icon'>{c.id === categoryId ? '✓' : categoryIcon(c.icon, c.code)}</Text>
              <Text className='report__category-name'>{c.shortName}</Text>
            </View>
          ))}
        </View>
      </LoadState>

      <Text className='section-title'>2. 说说情况</Text>
      <View className='card'>
        <TextArea
          className='report__description'
          value={description}
          onChange={setDescription}
          maxLength={TEXT_LIMITS.descriptionMax}
          showCount
          rows={5}
          placeholder={uploads.photos.length > 0 ? '可不填。例如：3号楼东侧路灯坏了一周' : '例如：3号楼东侧路灯坏了一周，晚上很黑'}
        />
      </View>

      <Text className='section-title'>3. 拍照（最多9张，可不传）</Text>
      <View className='card'>
        <PhotoPicker uploads={uploads} />
      </View>

      <Text className='section-title'>4. 在哪里</Text>
      <Cell.Group className='report__place'>
        {IS_WEAPP && <LinkCell title='地图选点' extra={location ? location.name : '点击选择'} label={`地图选点：${location ? `${location.name}，点击更换` : '点击选择'}`} onClick={chooseLocation} />}
        {communityId !== null ? (
          <LinkCell
            className='report__building'
            title='楼栋'
            extra={building ? building.name : buildings.loading ? '加载中…' : '点击选择'}
            label={`楼栋：${building ? `${building.name}，点击更换` : buildings.loading ? '加载中' : '点击选择'}`}
            onClick={() => setBuildingPickerOpen(true)}
          />
        ) : (
          <LinkCell className='report__building' title='楼栋' extra='绑定住址后可选 ›' label='楼栋：绑定住址后可选，点击去绑定住址' onClick={() => Taro.navigateTo({ url: '/pages/bind/index' })} />
        )}
        <Cell title='匿名公示' description='公示栏不显示您的姓名，经办人仍可联系您' extra={<Switch checked={anonymous} onChange={setAnonymous} ariaLabel='匿名公示' />} />
      </Cell.Group>
      <Picker
        title='选择楼栋'
        visible={buildingPickerOpen}
        options={buildingOptions}
        value={buildingId ? [buildingId] : []}
        onConfirm={(_, values) => setBuildingId(Number(values[0]))}
        onClose={() => setBuildingPickerOpen(false)}
      />

      {nearby.length > 0 && (
        <View className='card report__nearby'>
          <Text className='card__title'>附近已有相同问题</Text>
          <Text className='hint'>如果是同一件事，点“附议”即可，不用重复报事</Text>
          {nearby.map((t) => (
            <View key={t.id} className='report__nearby-item'>
              <View className='report__nearby-text'>
                <Text>{t.description}</Text>
                <Text className='hint'>
                  {TICKET_STATUS_LABELS[t.status]} · 相距{formatDistance(t.distanceMeters)} · {t.followerCount}人附议
                </Text>
              </View>
              <Button size='small' type='primary' fill='outline' onClick={() => follow(t)}>
                附议
              </Button>
            </View>
          ))}
        </View>
      )}

      <View className='actions'>
        <Button className='report__submit' type='primary' size='large' block loading={submitting} disabled={submitting || uploads.uploading} onClick={submit}>
          {submitting ? '正在提交…' : uploads.uploading ? '照片上传中…' : '提交报事'}
        </Button>
      </View>

      <Dialog
        visible={created !== null}
        title='报事成功'
        content={created ? `编号 ${created.code}。${created.handler ? `已派给${created.handler.name}处理。` : created.category ? '社区正在派单。' : '社区会先分类，再派给负责的人。'}办理进展可在“我的报事”查看。` : ''}
        confirmText={templates.data?.length ? '接收进度提醒' : '查看报事'}
        cancelText='继续报事'
        onConfirm={async () => {
          const id = created?.id
          setCreated(null)
          await askForSubscriptions(templates.data)
          if (id) void Taro.navigateTo({ url: `/pages/ticket/index?id=${id}` })
        }}
        onCancel={() => setCreated(null)}
      />
    </Page>
  )
}
