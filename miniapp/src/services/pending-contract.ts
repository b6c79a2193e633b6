/**
 * Operations of issue 9 the app already calls whose entries are not in the shared contract
 * (shared/src/contract.ts) on main yet: the server's wechat work (profile, subscribe templates) adds them.
 * Shapes as agreed in the issue-9 API notes. Delete each entry here once the shared contract has it
 * (the compiler then reports any difference as a duplicate with another type).
 */
import type { MeView } from '@linli/shared'

declare module '@linli/shared' {
  interface Endpoints {
    'PUT /me/profile': { body: { nickname?: string; avatarFileId?: number }; response: MeView }
    'GET /notifications/subscriptions': { query: { for: 'report' | 'accept' }; response: { templateIds: string[] } }
  }
}
