import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Canvas as TaroCanvas, Text, View } from '@tarojs/components'
import { Button, Table } from '@nutui/nutui-react-taro'
import { Axis, Canvas, Chart, createElement, Legend, Line } from '@antv/f2'
import type { StatsTrendPoint } from '@linli/shared'
import { IS_H5 } from '../../services/config'
import { formatDay, formatRate } from '../../utils/format'

const SERIES: { key: keyof StatsTrendPoint; label: string }[] = [
  { key: 'responseRate', label: '响应率' },
  { key: 'resolutionRate', label: '解决率' },
  { key: 'satisfactionRate', label: '满意率' },
  { key: 'onTimeRate', label: '按时办结率' },
]

/** Long format for F2: one row per bucket and rate, in percent; a bucket with nothing to measure is left out. */
export function trendRows(points: StatsTrendPoint[]): { date: string; type: string; value: number }[] {
  return points.flatMap((p) =>
    SERIES.filter((s) => typeof p[s.key] === 'number').map((s) => ({ date: formatDay(p.start), type: s.label, value: Math.round((p[s.key] as number) * 1000) / 10 })),
  )
}

/** The chart in words, for a screen reader (the canvas has none): how many buckets, and the latest one's rates. */
export function trendSummary(points: StatsTrendPoint[]): string {
  const latest = [...points].reverse().find((p) => SERIES.some((s) => typeof p[s.key] === 'number'))
  if (!latest) return `趋势图，共${points.length}个时段，还没有可计算的比率`
  const rates = SERIES.map((s) => `${s.label}${typeof latest[s.key] === 'number' ? formatRate(latest[s.key] as number) : '无数据'}`)
  return `趋势图，共${points.length}个时段。最近一段（${formatDay(latest.start)}起，${latest.total}件）：${rates.join('，')}。下方可展开数据表。`
}

interface CanvasNode {
  width: number
  height: number
  getContext: (kind: '2d') => CanvasRenderingContext2D
  /** WeChat's canvas node has its own frame loop and image factory (there is no window). */
  requestAnimationFrame?: (cb: () => void) => number
  cancelAnimationFrame?: (id: number) => void
  createImage?: () => unknown
}

/** What F2 needs beyond a 2D context on WeChat; a browser has all of it globally. */
function miniProgramRuntime(node: CanvasNode): object {
  if (IS_H5) return {}
  const offscreen = (Taro as unknown as { createOffscreenCanvas?: (o: { type: '2d' }) => unknown }).createOffscreenCanvas
  return {
    requestAnimationFrame: node.requestAnimationFrame?.bind(node),
    cancelAnimationFrame: node.cancelAnimationFrame?.bind(node),
    createImage: node.createImage?.bind(node),
    offscreenCanvas: offscreen?.({ type: '2d' }),
    isTouchEvent: (e: { type: string }) => e.type.startsWith('touch'),
  }
}

/** The canvas element behind Taro's <Canvas type='2d'>: a DOM node on H5, a node from a selector query on WeChat. */
function findCanvas(id: string): Promise<{ node: CanvasNode; width: number; height: number } | null> {
  if (IS_H5) {
    const el = document.querySelector(`#${id} canvas`) ?? document.querySelector(`canvas#${id}`)
    const canvas = el as unknown as (CanvasNode & { clientWidth: number; clientHeight: number; parentElement: HTMLElement | null }) | null
    return Promise.resolve(canvas ? { node: canvas, width: canvas.clientWidth || canvas.parentElement?.clientWidth || 340, height: canvas.clientHeight || 220 } : null)
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res) => {
        const hit = res?.[0]
        resolve(hit?.node ? { node: hit.node, width: hit.width, height: hit.height } : null)
      })
  })
}

export function TrendChart({ points }: { points: StatsTrendPoint[] }) {
  const id = 'trend-chart'
  const chart = useRef<Canvas | null>(null)

  useEffect(() => {
    let cancelled = false
    const rows = trendRows(points)
    Taro.nextTick(async () => {
      const found = await findCanvas(id)
      if (!found || cancelled || rows.length === 0) return
      const pixelRatio = Taro.getSystemInfoSync().pixelRatio || 2
      found.node.width = found.width * pixelRatio
      found.node.height = found.height * pixelRatio
      const context = found.node.getContext('2d')
      const h = createElement as unknown as (type: unknown, props: object, ...children: unknown[]) => { props: ConstructorParameters<typeof Canvas>[0] }
      const { props } = h(
        Canvas,
        { context, pixelRatio, width: found.width, height: found.height, animate: false, px2hd: (px: number) => px * 0.75, ...miniProgramRuntime(found.node) },
        h(
          Chart,
          { data: rows, scale: { value: { min: 0, max: 100 } } },
          h(Axis, { field: 'date', tickCount: 4 }),
          h(Axis, { field: 'value', formatter: (v: number) => `${v}%` }),
          h(Line, { x: 'date', y: 'value', color: 'type' }),
          h(Legend, { position: 'top' }),
        ),
      )
      chart.current?.destroy()
      chart.current = new Canvas(props)
      await chart.current.render()
    })
    return () => {
      cancelled = true
    }
  }, [points])

  useEffect(() => () => chart.current?.destroy(), [])

  return (
    <View className='trend-chart'>
      <View ariaRole='img' ariaLabel={trendSummary(points)}>
        <TaroCanvas id={id} canvasId={id} type='2d' className='trend-chart__canvas' />
      </View>
      <TrendTable points={points} />
    </View>
  )
}

/** The same figures as the chart, as a table: for whoever cannot tell its lines apart by colour, or cannot see it. */
function TrendTable({ points }: { points: StatsTrendPoint[] }) {
  const [open, setOpen] = useState(false)
  return (
    <View className='trend-chart__table'>
      <Button className='trend-chart__toggle' fill='none' block onClick={() => setOpen(!open)}>
        {open ? '收起数据表' : '查看数据表'}
      </Button>
      {open && (
        <Table
          columns={[
            { key: 'start', title: '起始日', render: (p: StatsTrendPoint) => <Text>{formatDay(p.start)}</Text> },
            { key: 'total', title: '件数' },
            ...SERIES.map((s) => ({ key: s.key, title: s.label, render: (p: StatsTrendPoint) => <Text>{typeof p[s.key] === 'number' ? formatRate(p[s.key] as number) : '—'}</Text> })),
          ]}
          data={points}
        />
      )}
    </View>
  )
}
