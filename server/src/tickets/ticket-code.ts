import { localDate } from '@linli/shared';

/**
 * 报事编号: the local day of report in the ticket's district and the zero-padded id,
 * e.g. 20261123-000123. Issued once, when the ticket is created, and stored: a later
 * change of the district's offset never renames a ticket people have already quoted.
 */
export function issueTicketCode(id: number, reportedAt: Date, utcOffsetMinutes: number): string {
  return `${localDate(reportedAt, utcOffsetMinutes).replaceAll('-', '')}-${String(id).padStart(6, '0')}`;
}
