/**
 * The shared status groups as SQL, so that no query spells a list of statuses again. The values are
 * the code's own constants (never user input), quoted here once.
 */
import { DEADLINE_BY_STATUS, type TicketStatus } from '@linli/shared';

/** A list of the code's own constants (statuses, ratings) for `IN (…)`. */
export function sqlList(statuses: readonly string[]): string {
  return statuses.map((s) => `'${s}'`).join(', ');
}

/** Statuses grouped by the deadline they race: `[['acceptDueAt', ['submitted', 'dispatched']], ['resolveDueAt', ['accepted']]]`. */
const RACES = Object.entries(
  Object.entries(DEADLINE_BY_STATUS).reduce<Record<string, TicketStatus[]>>((acc, [status, field]) => ({ ...acc, [field]: [...(acc[field] ?? []), status as TicketStatus] }), {}),
);

/** The deadline the ticket races now (NULL when none): the handler's inbox sorts by it. */
export function currentDeadlineSql(alias: string): string {
  return `CASE ${RACES.map(([field, statuses]) => `WHEN ${alias}.status IN (${sqlList(statuses)}) THEN ${alias}.${field}`).join(' ')} ELSE NULL END`;
}

/** Past its current deadline at `:now`. */
export function overdueSql(alias: string): string {
  return `(${RACES.map(([field, statuses]) => `(${alias}.status IN (${sqlList(statuses)}) AND ${alias}.${field} < :now)`).join(' OR ')})`;
}
