/**
 * 台账导入, step by step: choose a file → dry run (nothing written) → correct rejected rows and dry-run again →
 * tick who has left → confirm with the dry run's planHash. The file itself is never edited: corrections go as
 * `fixes` with every later dry run and with the confirm.
 */
import { useCallback, useRef, useState } from 'react'
import { LEDGER_MAX_BYTES, type LedgerColumn, type LedgerImportReport } from '@linli/shared'
import { chooseDocument, extensionOf } from '../../services/chooseFile'
import { ApiRequestError, apiUpload, type LocalFile } from '../../services/request'
import { changedCells, LEDGER_FILE_ERRORS, type LedgerFixes } from '../ledger'
import { ERROR_MESSAGES } from '../../services/messages'

export const LEDGER_FILE_EXTENSIONS = ['xlsx', 'csv'] as const

/** A file refused whole, or a request that failed: what to tell the committee member. */
export interface ImportProblem {
  code: string
  title: string
  /** The server's own words when they add something (which columns, which row). */
  detail: string | null
}

export const LEDGER_CHANGED_NOTICE = '台账在您预览之后有了变化（可能有人同时导入或修改），已重新预览：请核对下面的结果后再确认。'

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function problemOf(err: unknown): ImportProblem {
  if (err instanceof ApiRequestError) {
    const title = (LEDGER_FILE_ERRORS as Record<string, string>)[err.code]
    if (title) return { code: err.code, title, detail: err.message && err.message !== title ? err.message : null }
    return { code: err.code, title: err.message, detail: null }
  }
  return { code: 'UNKNOWN', title: (err as Error)?.message || ERROR_MESSAGES.importFailed, detail: null }
}

export function useLedgerImport(communityId: number | null) {
  const [file, setFile] = useState<LocalFile | null>(null)
  const [fixes, setFixes] = useState<LedgerFixes>({})
  const [report, setReport] = useState<LedgerImportReport | null>(null)
  /** Memberships listed as missing that the committee ticked as 已迁出. */
  const [leaving, setLeaving] = useState<number[]>([])
  const [busy, setBusy] = useState<'preview' | 'confirm' | null>(null)
  const [problem, setProblem] = useState<ImportProblem | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  /** The confirm's answer: what was written. */
  const [done, setDone] = useState<LedgerImportReport | null>(null)
  const generation = useRef(0)

  const send = useCallback(
    (local: LocalFile, withFixes: LedgerFixes, confirm?: { planHash: string; endMemberIds: number[] }) =>
      apiUpload('POST /ledger/import', local, {
        communityId: communityId!,
        dryRun: !confirm,
        fixes: Object.keys(withFixes).length ? JSON.stringify(withFixes) : undefined,
        planHash: confirm?.planHash,
        endMemberIds: confirm?.endMemberIds.length ? confirm.endMemberIds.join(',') : undefined,
      }),
    [communityId],
  )

  /** A dry run of this file with these fixes; the ticks on people still missing are kept. */
  const preview = useCallback(
    async (local: LocalFile, withFixes: LedgerFixes): Promise<boolean> => {
      const mine = ++generation.current
      setBusy('preview')
      setProblem(null)
      try {
        const next = await send(local, withFixes)
        if (mine !== generation.current) return false
        setReport(next)
        setLeaving((ticked) => ticked.filter((id) => next.missing.some((m) => m.memberId === id)))
        return true
      } catch (err) {
        if (mine === generation.current) {
          const problem = problemOf(err)
          // A refused file has no report; a dry run that did not get through (network) leaves the last one to read.
          if (problem.code in LEDGER_FILE_ERRORS) setReport(null)
          setProblem(problem)
        }
        return false
      } finally {
        if (mine === generation.current) setBusy(null)
      }
    },
    [send],
  )

  const choose = useCallback(async () => {
    // Not busy while the picker is open: a browser that never says "cancelled" must not leave the button stuck.
    let picked: LocalFile | null
    try {
      picked = await chooseDocument(LEDGER_FILE_EXTENSIONS)
    } catch (err) {
      setProblem(problemOf(err))
      return
    }
    if (!picked) return
    const ext = extensionOf(picked.name ?? picked.path)
    setFile(picked)
    setFixes({})
    setLeaving([])
    setDone(null)
    setNotice(null)
    if (!(LEDGER_FILE_EXTENSIONS as readonly string[]).includes(ext)) {
      setReport(null)
      setProblem({ code: 'FILE_TYPE', title: LEDGER_FILE_ERRORS.FILE_TYPE, detail: `所选文件：${picked.name ?? picked.path}` })
      return
    }
    // Not sent at all: the server would refuse it after a long upload on a phone.
    if ((picked.size ?? 0) > LEDGER_MAX_BYTES) {
      setReport(null)
      setProblem({ code: 'FILE_TOO_LARGE', title: LEDGER_FILE_ERRORS.FILE_TOO_LARGE, detail: `所选文件 ${megabytes(picked.size!)}，上限 ${megabytes(LEDGER_MAX_BYTES)}` })
      return
    }
    await preview(picked, {})
  }, [preview])

  /** The committee corrected a rejected row's cells: dry-run again with the correction. */
  const fixRow = useCallback(
    async (row: number, original: Partial<Record<LedgerColumn, string>>, edited: Partial<Record<LedgerColumn, string>>) => {
      if (!file) return false
      const diff = changedCells(original, edited)
      if (Object.keys(diff).length === 0) return true
      const next = { ...fixes, [row]: { ...fixes[row], ...diff } }
      setFixes(next)
      setNotice(null)
      return preview(file, next)
    },
    [file, fixes, preview],
  )

  const toggleLeaving = useCallback((memberId: number, on: boolean) => {
    setLeaving((ticked) => (on ? [...ticked.filter((id) => id !== memberId), memberId] : ticked.filter((id) => id !== memberId)))
  }, [])

  /** Writes what the dry run showed; if the ledger changed since, dry-runs again and says so. */
  const confirm = useCallback(async () => {
    if (!file || !report) return
    const mine = ++generation.current
    setBusy('confirm')
    setProblem(null)
    setNotice(null)
    try {
      const written = await send(file, fixes, { planHash: report.planHash, endMemberIds: leaving })
      if (mine !== generation.current) return
      setDone(written)
      setReport(null)
      setFile(null)
      setFixes({})
      setLeaving([])
    } catch (err) {
      if (mine !== generation.current) return
      if (err instanceof ApiRequestError && err.code === 'LEDGER_CHANGED') {
        setBusy(null)
        if (await preview(file, fixes)) setNotice(LEDGER_CHANGED_NOTICE)
        return
      }
      setProblem(problemOf(err))
    } finally {
      if (mine === generation.current) setBusy(null)
    }
  }, [file, fixes, leaving, preview, report, send])

  return { file, fixes, report, leaving, busy, problem, notice, done, choose, fixRow, toggleLeaving, confirm }
}
