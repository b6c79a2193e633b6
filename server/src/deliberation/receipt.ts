import { randomInt } from 'node:crypto';

/** Receipt codes: 8 of 31 letters and digits nobody confuses (no 0/O, 1/I/L), ≈ 8.5·10¹¹ codes. */
const RECEIPT_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A ballot's receipt: random, shown only to its household, published with the choice counted after the close. */
export function receiptCode(): string {
  return Array.from({ length: 8 }, () => RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)]).join('');
}
