/** The bounds live in shared/, where the provider's pages read them too. */
export { BOOKING_LIMITS } from '@linli/shared';
