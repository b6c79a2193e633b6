/** Date ranges the committee reads figures over (ISO dates, today inclusive). */
export function lastDays(days: number, now: Date = new Date()): { from: string; to: string } {
  const to = new Date(now.getTime() + 24 * 3600_000)
  const from = new Date(now.getTime() - (days - 1) * 24 * 3600_000)
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) }
}
