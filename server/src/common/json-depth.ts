/** JSON bodies nest no deeper than this: Linli's deepest request is 2 levels; validation recurses per level. */
export const MAX_JSON_DEPTH = 16;

const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]

/**
 * Refuses a body nested deeper than MAX_JSON_DEPTH before it is parsed (body-parser's `verify` sees
 * the raw bytes first), so a small, deep body cannot overflow the validator's stack: 400 JSON_TOO_DEEP.
 */
export function refuseDeepJson(_req: unknown, _res: unknown, buf: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (OPEN.has(c) && ++depth > MAX_JSON_DEPTH) throw Object.assign(new Error('JSON nested too deep'), { status: 400, type: 'entity.too.deep' });
    else if (CLOSE.has(c)) depth--;
  }
}
