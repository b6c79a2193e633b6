/**
 * One Idempotency-Key per submission: a retry of the same form (after a network failure)
 * sends the same key, so the server creates the matter once; a changed form gets a new key.
 */
export function newIdempotencyKey(): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('')
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(Math.random() * 4)).toString(16)}${hex(3)}-${hex(12)}`
}

export interface SubmissionKeys {
  /** The key for this body: the previous key while the body is unchanged. */
  keyFor(body: unknown): string
  /** The submission went through: the next one gets a fresh key. */
  done(): void
  /** The body and key last sent and not yet confirmed (to keep with a draft), or null. */
  pending(): { body: string; key: string } | null
}

/** `resumed`: a pending submission kept from before (a draft), whose body, sent again, reuses its key. */
export function createSubmissionKeys(makeKey: () => string = newIdempotencyKey, resumed: { body: string; key: string } | null = null): SubmissionKeys {
  let last = resumed
  return {
    pending: () => last,
    keyFor(body) {
      const serialized = JSON.stringify(body)
      if (!last || last.body !== serialized) last = { body: serialized, key: makeKey() }
      return last.key
    },
    done() {
      last = null
    },
  }
}
