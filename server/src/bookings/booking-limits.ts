/** Bounds of what staff type into an item or a slot (beyond them it is a typing mistake, not a plan). */
export const BOOKING_LIMITS = {
  advanceDaysMax: 60,
  /** A cut-off of at most two days. */
  cutoffMinutesMax: 2880,
  capacityMax: 500,
  helpNoteMax: 200,
  /** A slot lasts at most a day; a `units` period (a season of garden plots) at most a year. */
  slotMinutesMax: 24 * 60,
  periodDaysMax: 366,
} as const;
