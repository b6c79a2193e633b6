/** Phone numbers never leave the API whole: 13812345678 → 138****5678. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** A resident's name as other people see it: 王阿姨 → 王**. */
export function maskName(name: string): string {
  return name.length <= 1 ? name : name[0] + '*'.repeat(Math.min(name.length - 1, 2));
}

/** Text shown to the public: mobile and ID-card numbers a resident typed into a description are hidden. */
export function scrubPersonalData(text: string): string {
  return text
    .replace(/\d{17}[\dXx]/g, (id) => `${id.slice(0, 3)}***********${id.slice(-4)}`)
    .replace(/1[3-9]\d{9}/g, (phone) => maskPhone(phone)!);
}
