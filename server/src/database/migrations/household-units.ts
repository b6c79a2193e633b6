import type { QueryRunner } from 'typeorm';

/**
 * LedgerMembers: fills the new unit and door columns from the labels households already had
 * (`2单元301` → 2单元 + 301, `A座1201` → A座 + 1201, `301` → '' + 301). The rule is frozen here as
 * the migration ran; shared/src/ledger.ts (splitHouseholdLabel) is the living one.
 */
export async function fillHouseholdUnits(queryRunner: QueryRunner): Promise<void> {
  const BATCH = 1000;
  for (let after = 0; ; ) {
    const rows: { id: number; label: string }[] = await queryRunner.query('SELECT id, label FROM households WHERE id > ? ORDER BY id LIMIT ?', [after, BATCH]);
    if (rows.length === 0) return;
    for (const { id, label } of rows) {
      const m = /^(.+?(?:单元|座))(.+)$/.exec(label.trim());
      await queryRunner.query('UPDATE households SET unit = ?, door = ? WHERE id = ?', [m ? m[1] : '', m ? m[2] : label.trim(), id]);
    }
    after = rows[rows.length - 1].id;
  }
}
