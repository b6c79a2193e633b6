/** 评价: 满意 / 基本满意 / 不满意. A bad rating reopens the matter (差评 → 重办). */
export const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

/** What a closed ticket was rated: a resident's rating, or none at all. */
export type FinalRating = Rating | 'not_rated';

export const RATING_LABELS: Record<FinalRating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
  not_rated: '未评价',
};

/** A resolved ticket nobody rates closes itself after this long, as "not rated". */
export const RATING_WINDOW_DAYS = 7;

/** satisfied and basically satisfied close the ticket; unsatisfied reopens it to the same handler. */
export function rateOutcome(rating: Rating): 'close' | 'reopen' {
  return rating === 'unsatisfied' ? 'reopen' : 'close';
}

/** Counted as satisfied in 满意率 (docs/metrics.md); the rest of RATINGS count as rated but not satisfied. */
export const SATISFIED_RATINGS = ['satisfied', 'basically_satisfied'] as const satisfies readonly Rating[];

export function countsAsSatisfied(rating: FinalRating): boolean {
  return (SATISFIED_RATINGS as readonly FinalRating[]).includes(rating);
}
