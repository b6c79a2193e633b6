/**
 * Input limits, defined once: the server's validators and the mini-program's forms both read them,
 * so a form never lets through what the API refuses, nor refuses what it accepts.
 *
 * Chosen for residents on a phone: a photo says the matter, so a report with a photo needs no words at
 * all (随手拍: shoot and send); without one a four-character phrase ("门口积水", "路灯不亮"). Every free text
 * fits one notification body and one timeline note (500).
 */
export const TEXT_LIMITS = {
  /** 报事 description: at least this many characters with a photo (none: the photo says it)… */
  descriptionMinWithPhoto: 0,
  /** …and without one. */
  descriptionMin: 4,
  descriptionMax: 500,
  /** 办结 note: what was done. */
  resolveNoteMin: 2,
  resolveNoteMax: 500,
  /** 退回 / 转派 reason. */
  reasonMin: 2,
  reasonMax: 200,
  /** 不予受理 note (optional). */
  rejectNoteMax: 200,
  /** 评价 comment (optional). */
  ratingCommentMax: 300,
} as const;

/** Photos on a report or a resolution. */
export const PHOTOS_MAX = 9;

/**
 * Characters nobody means to type: zero-width spaces and joiners, the BOM, and bidirectional controls
 * (which can make a text read backwards, hiding what it says).
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u061C]/g;

/** Free text as it is stored: invisible characters removed, outer spaces trimmed. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').trim();
}

/** Length as people count it: one per character, emoji included, ignoring outer spaces and invisible characters. */
export function textLength(text: string): number {
  return [...cleanText(text)].length;
}

/** Why a report's description is not acceptable, in words for the resident; null when it is. */
export function descriptionProblem(description: string, photoCount: number): string | null {
  const n = textLength(description);
  const min = photoCount > 0 ? TEXT_LIMITS.descriptionMinWithPhoto : TEXT_LIMITS.descriptionMin;
  if (n < min) return `请用至少${min}个字描述问题，或拍张照片`;
  if (n > TEXT_LIMITS.descriptionMax) return `描述不能超过${TEXT_LIMITS.descriptionMax}字`;
  return null;
}

/** Why a required short text (a reason, a note) is not acceptable; null when it is. */
export function requiredTextProblem(text: string, min: number, max: number, what: string): string | null {
  const n = textLength(text);
  if (n < min) return `请填写${what}（至少${min}个字）`;
  if (n > max) return `${what}不能超过${max}字`;
  return null;
}

/**
 * 预约: bounds of what staff type into an item or a slot (beyond them it is a typing mistake, not a plan).
 * The server's validators and the provider's pages read the same numbers.
 */
export const BOOKING_LIMITS = {
  nameMin: 2,
  nameMax: 64,
  placeMin: 2,
  placeMax: 128,
  descriptionMax: 1000,
  documentsMax: 20,
  documentMax: 40,
  durationMax: 32,
  advanceDaysMax: 60,
  /** A cut-off of at most two days. */
  cutoffMinutesMax: 2880,
  /** Bookings still to come one person, one household may hold on an item. */
  perLimitMax: 50,
  capacityMax: 500,
  volunteerMinutesMax: 1440,
  /** 爱心银行: what one booking may cost in volunteer hours, in minutes (100 hours). */
  hoursPriceMax: 6000,
  helpNoteMax: 200,
  /** A slot lasts at most a day; a `units` period (a season of garden plots) at most a year. */
  slotMinutesMax: 24 * 60,
  periodDaysMax: 366,
} as const;
