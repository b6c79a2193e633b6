/**
 * The one masking rule for free text that another person reads: descriptions, notes, reasons and
 * comments on the public board and in every view for someone who is neither its author nor staff.
 * It hides what people type to be called back: phone numbers however written (spaces, dashes, +86 or
 * 0086, full-width digits, landlines with an area code), ID-card numbers (18 or the old 15 digits),
 * e-mail addresses and door numbers. It masks too much rather than too little: any run of 7 or more
 * digits is hidden but for its last two, so "尾号78" still lets people tell numbers apart.
 * Every replacement keeps the text's length, so the reader sees where something was hidden.
 */

/** Runs of this many digits or more (separators allowed between them) are hidden. */
export const MASKED_DIGIT_RUN = 7;

/** Full-width ASCII forms (０-９, ＋, －, ＠, Ａ-ｚ…) read as their ASCII twins; one code unit each, so indexes match. */
function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const RULES: { pattern: RegExp; mask: (match: string) => string }[] = [
  // e-mail: keep the first character and the domain.
  { pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, mask: (m) => m[0] + m.slice(1, m.indexOf('@')).replace(/./g, '*') + m.slice(m.indexOf('@')) },
  // numbers: a digit, then digits or separators (space, dash, brackets), ending on a digit or the X of an ID.
  {
    pattern: /[+(]?\d(?:[\d()\- ]*\d)?[Xx]?/g,
    mask: (m) => {
      const digits = (m.match(/\d/g) ?? []).length;
      if (digits < MASKED_DIGIT_RUN || /^\d{4}-\d{1,2}-\d{1,2}$/.test(m)) return m; // short numbers and dates stay
      let keep = 2;
      return [...m]
        .reverse()
        .map((c) => (/\d/.test(c) ? (keep-- > 0 ? c : '*') : /[Xx]/.test(c) ? '*' : c))
        .reverse()
        .join('');
    },
  },
  // door numbers: 3–4 digits after a building or unit word (1栋501, 3号楼1201, 2单元302), or before 室/房
  // (302室). Not before 户 on its own: "23户" and "1000多户" count households; "1栋302户" is caught above.
  { pattern: /(?<=(?:栋|幢|号楼|单元|座)[-\s]?)\d{3,4}(?!\d)/g, mask: (m) => '*'.repeat(m.length) },
  { pattern: /(?<!\d)\d{3,4}(?=\s?(?:室|房))/g, mask: (m) => '*'.repeat(m.length) },
  // building-unit-door written with dashes: 5-2-301.
  { pattern: /(?<=\b\d{1,3}-\d{1,2}-)\d{3,4}\b/g, mask: (m) => '*'.repeat(m.length) },
];

/** `text` as someone who is neither its author nor staff may read it. */
export function maskPersonalText(text: string): string {
  const out = [...text.split('')];
  let seen = halfWidth(text);
  for (const { pattern, mask } of RULES) {
    seen = seen.replace(pattern, (match, ...rest) => {
      const offset = rest.find((x) => typeof x === 'number') as number;
      const masked = mask(match);
      for (let i = 0; i < masked.length; i++) if (masked[i] !== match[i]) out[offset + i] = masked[i];
      return masked;
    });
  }
  return out.join('');
}
