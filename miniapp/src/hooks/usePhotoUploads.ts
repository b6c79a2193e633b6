/** Photos chosen for a report or a resolution: each uploads on its own, with progress, and can be retried. */
import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { PHOTOS_MAX } from '@linli/shared'
import { compressPhoto } from '../services/compress'
import { ERROR_MESSAGES } from '../services/messages'
import { fileUrl, showError, uploadFile } from '../services/request'

export interface PhotoUpload {
  key: string
  localPath: string
  /** H5 only: the browser's File behind localPath. */
  file?: Blob
  status: 'uploading' | 'done' | 'failed'
  progress: number
  fileId?: number
  url?: string
  error?: string
}

/** A photo as WeChat (or the browser) hands it over, before it is uploaded. */
export interface PickedPhoto {
  path: string
  /** H5 only: the browser's File. */
  file?: Blob
}

/**
 * Taro.chooseMedia: images only, compressed, at most `room`. `camera` opens the camera straight away (随手拍);
 * otherwise the person picks album or camera. Null when cancelled or refused (a refusal says what to do).
 */
export async function pickPhotos(room: number, camera = false): Promise<PickedPhoto[] | null> {
  try {
    const res = await Taro.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'], sourceType: camera ? ['camera'] : ['album', 'camera'] })
    return res.tempFiles.slice(0, room).map((f) => ({ path: f.tempFilePath, file: (f as { originalFileObj?: Blob }).originalFileObj }))
  } catch (err) {
    const msg = (err as { errMsg?: string })?.errMsg ?? ''
    if (!/cancel/i.test(msg)) showError(new Error(camera ? ERROR_MESSAGES.cameraUnavailable : ERROR_MESSAGES.albumUnavailable))
    return null
  }
}

// 随手拍: the photo taken from 首页 waits here for the report page (a tab: it takes no URL parameters).
let handedOver: PickedPhoto[] = []

export function handPhotosToReport(photos: PickedPhoto[]): void {
  handedOver = photos
}

export function takeHandedPhotos(): PickedPhoto[] {
  const photos = handedOver
  handedOver = []
  return photos
}

export function usePhotoUploads(max: number = PHOTOS_MAX) {
  const [photos, setPhotos] = useState<PhotoUpload[]>([])
  const seq = useRef(0)

  const patch = useCallback((key: string, change: Partial<PhotoUpload>) => {
    setPhotos((prev) => prev.map((p) => (p.key === key ? { ...p, ...change } : p)))
  }, [])

  const upload = useCallback(
    async (key: string, localPath: string, localFile?: Blob) => {
      patch(key, { status: 'uploading', progress: 0, error: undefined })
      try {
        const body = localFile ? await compressPhoto(localFile) : undefined
        const file = await uploadFile({ path: localPath, file: body }, (progress) => patch(key, { progress }))
        patch(key, { status: 'done', progress: 100, fileId: file.id, url: file.url })
      } catch (err) {
        patch(key, { status: 'failed', error: (err as Error).message })
      }
    },
    [patch],
  )

  /** Photos already picked (e.g. handed over by 随手拍): each starts uploading. */
  const add = useCallback(
    async (picked: PickedPhoto[]) => {
      const added: PhotoUpload[] = picked.slice(0, max).map((p) => ({ key: `p${++seq.current}`, localPath: p.path, file: p.file, status: 'uploading', progress: 0 }))
      setPhotos((prev) => [...prev, ...added].slice(0, max))
      await Promise.all(added.map((p) => upload(p.key, p.localPath, p.file)))
    },
    [max, upload],
  )

  /** The person picks photos, never past the limit. */
  const choose = useCallback(async () => {
    const room = max - photos.length
    if (room <= 0) {
      Taro.showToast({ title: ERROR_MESSAGES.tooManyPhotos(max), icon: 'none' })
      return
    }
    const picked = await pickPhotos(room)
    if (picked) await add(picked)
  }, [max, photos.length, add])

  const retry = useCallback(
    (key: string) => {
      const photo = photos.find((p) => p.key === key)
      if (photo) void upload(key, photo.localPath, photo.file)
    },
    [photos, upload],
  )

  /** Photos uploaded earlier (a kept draft's): shown as done, from the server's copy. */
  const restore = useCallback(
    (done: { fileId: number; url: string }[]) => {
      const restored: PhotoUpload[] = done.slice(0, max).map((p) => ({ key: `p${++seq.current}`, localPath: fileUrl(p.url), status: 'done', progress: 100, fileId: p.fileId, url: p.url }))
      setPhotos((prev) => [...restored, ...prev].slice(0, max))
    },
    [max],
  )

  const remove = useCallback((key: string) => setPhotos((prev) => prev.filter((p) => p.key !== key)), [])
  const reset = useCallback(() => setPhotos([]), [])

  const uploading = photos.some((p) => p.status === 'uploading')
  const failed = photos.some((p) => p.status === 'failed')
  const fileIds = photos.filter((p) => p.status === 'done').map((p) => p.fileId as number)
  return { photos, choose, add, restore, retry, remove, reset, uploading, failed, fileIds, max }
}
