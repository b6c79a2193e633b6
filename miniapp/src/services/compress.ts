/**
 * H5 only: shrink a phone photo before it goes up (WeChat compresses in chooseMedia; a browser does not,
 * and a camera photo is often over the server's 5 MB limit). Anything that fails leaves the original.
 */
const SMALL_ENOUGH_BYTES = 400 * 1024
const MAX_SIDE = 1600
const QUALITY = 0.8

export async function compressPhoto(file: Blob): Promise<Blob> {
  if (typeof document === 'undefined' || !file.type.startsWith('image/') || file.size <= SMALL_ENOUGH_BYTES) return file
  const url = URL.createObjectURL(file)
  try {
    const img = await new Promise<HTMLImageElement>((resolve, reject) => {
      const image = new Image()
      image.onload = () => resolve(image)
      image.onerror = reject
      image.src = url
    })
    const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(img.naturalWidth * scale)
    canvas.height = Math.round(img.naturalHeight * scale)
    canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY))
    return blob && blob.size < file.size ? new File([blob], 'photo.jpg', { type: 'image/jpeg' }) : file
  } catch {
    return file
  } finally {
    URL.revokeObjectURL(url)
  }
}
