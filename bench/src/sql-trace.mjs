/**
 * Preloaded into a server process (node --import) when the bench wants to see
 * the SQL one request issues: every statement sent through mysql2 (query or execute) is appended
 * to $BENCH_SQL_TRACE as a JSON line. Used once per scenario, never under load.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const file = process.env.BENCH_SQL_TRACE;
if (file) {
  const require = createRequire(`${process.cwd()}/package.json`);
  const { Connection } = require('mysql2');
  const record = (sql, values) => {
    const text = typeof sql === 'string' ? sql : sql?.sql;
    const params = Array.isArray(values) ? values : sql?.values;
    // Dates as {$date}, so a replay binds them as mysql2 would have.
    const bound = (params ?? []).map((v) => (v instanceof Date ? { $date: v.toISOString() } : v));
    fs.appendFileSync(file, JSON.stringify({ sql: text, values: bound }) + '\n');
  };
  // `query` (TypeORM) and `execute` (the prepared statements of server/src/database/statements.ts) alike;
  // the floor replays both as text queries. A pool's execute reaches the connection's, so it is counted once.
  for (const method of ['query', 'execute']) {
    const original = Connection.prototype[method];
    Connection.prototype[method] = function (sql, values, cb) {
      record(sql, values);
      return original.call(this, sql, values, cb);
    };
  }
}
