/**
 * Preloaded into a server process (node --import) when the bench wants to see
 * the SQL one request issues: every statement sent through mysql2 is appended
 * to $BENCH_SQL_TRACE as a JSON line. Used once per scenario, never under load.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const file = process.env.BENCH_SQL_TRACE;
if (file) {
  const require = createRequire(`${process.cwd()}/package.json`);
  const { Connection } = require('mysql2');
  const original = Connection.prototype.query;
  Connection.prototype.query = function (sql, values, cb) {
    const text = typeof sql === 'string' ? sql : sql?.sql;
    const params = Array.isArray(values) ? values : sql?.values;
    // Dates as {$date}, so a replay binds them as mysql2 would have.
    const bound = (params ?? []).map((v) => (v instanceof Date ? { $date: v.toISOString() } : v));
    fs.appendFileSync(file, JSON.stringify({ sql: text, values: bound }) + '\n');
    return original.call(this, sql, values, cb);
  };
}
