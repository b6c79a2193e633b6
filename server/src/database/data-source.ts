import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { ENTITIES } from './entities.js';
import { MYSQL_MIGRATIONS } from './migrations/mysql/index.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite/index.js';

export type Dialect = 'mysql' | 'sqlite';

export function dialectOf(config: Pick<AppConfig, 'databaseUrl'>): Dialect {
  return config.databaseUrl ? 'mysql' : 'sqlite';
}

/**
 * MySQL (MariaDB here, MySQL 8 or TiDB in production) when DATABASE_URL is set,
 * else the embedded SQLite file. Schema changes go through migrations only.
 */
export function dataSourceOptions(config: Pick<AppConfig, 'databaseUrl' | 'sqlitePath'>): DataSourceOptions {
  if (config.databaseUrl) {
    return {
      // 'mariadb' speaks the MySQL protocol through mysql2 and gives no false migration diffs on MariaDB.
      type: 'mariadb',
      url: config.databaseUrl,
      entities: ENTITIES,
      migrations: MYSQL_MIGRATIONS,
      migrationsTableName: 'migrations',
      synchronize: false,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      poolSize: 20,
      // trace: false — mysql2 otherwise captures a stack trace for every query: 5% of a report's CPU (docs/performance.md).
      extra: { connectionLimit: 20, trace: false },
    };
  }
  fs.mkdirSync(path.dirname(config.sqlitePath), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: config.sqlitePath,
    entities: ENTITIES,
    migrations: SQLITE_MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}

export function createDataSource(config: Pick<AppConfig, 'databaseUrl' | 'sqlitePath'>): DataSource {
  return new DataSource(dataSourceOptions(config));
}
