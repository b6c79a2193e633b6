/**
 * Choosing a document (a spreadsheet to import). WeChat has no file system the user browses: a mini-program picks
 * files from a chat (`chooseMessageFile`), which is where a committee's spreadsheets arrive. Taro's H5 build does not
 * implement that, so the browser gets a file input of its own.
 */
import Taro from '@tarojs/taro'
import { IS_H5 } from './config'
import type { LocalFile } from './request'
import { ERROR_MESSAGES } from './messages'

/** The browser's file dialog; null when the user closes it without a file. */
function chooseInBrowser(extensions: readonly string[]): Promise<LocalFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = extensions.map((e) => `.${e}`).join(',')
    input.style.display = 'none'
    const done = (file: File | null) => {
      input.remove()
      resolve(file ? { path: file.name, file, name: file.name, size: file.size } : null)
    }
    input.addEventListener('change', () => done(input.files?.[0] ?? null))
    input.addEventListener('cancel', () => done(null))
    document.body.appendChild(input)
    input.click()
  })
}

/** One file with one of these extensions (without the dot), or null when the user cancels. */
export async function chooseDocument(extensions: readonly string[]): Promise<LocalFile | null> {
  if (IS_H5) return chooseInBrowser(extensions)
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...extensions] })
    const picked = res.tempFiles[0]
    return picked ? { path: picked.path, name: picked.name, size: picked.size } : null
  } catch (err) {
    if (/cancel/i.test((err as { errMsg?: string })?.errMsg ?? '')) return null
    throw new Error(ERROR_MESSAGES.chatFileUnavailable)
  }
}

/** The file's extension, lower case ('' when it has none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase()
}
