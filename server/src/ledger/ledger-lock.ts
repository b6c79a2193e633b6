import type { EntityManager } from 'typeorm';

/**
 * Writes to one community's ledger take turns: on MySQL the community's row is locked for the transaction, so two
 * confirms of one file run one after the other and the second plans against what the first wrote. SQLite runs
 * every transaction of the process one at a time anyway.
 */
export async function lockCommunity(em: EntityManager, isMysql: boolean, communityId: number): Promise<void> {
  if (isMysql) await em.query('SELECT id FROM communities WHERE id = ? FOR UPDATE', [communityId]);
}
