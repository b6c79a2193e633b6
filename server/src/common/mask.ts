/** Phone numbers leave the API masked (13812345678 → 138****5678), whole only to their owner and through a logged 查看号码. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** A resident's name as other people see it: 王阿姨 → 王**. */
export function maskName(name: string): string {
  return name.length <= 1 ? name : name[0] + '*'.repeat(Math.min(name.length - 1, 2));
}

// Free text that other people read is masked by the one rule in @linli/shared (maskPersonalText).
