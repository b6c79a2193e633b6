import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

type ColumnMetadata = ReturnType<DataSource['getMetadata']>['columns'][number];

/** What a statement binds: TypeORM's entity values after `preparePersistentValue`, or plain values. */
export type SqlValue = string | number | boolean | Date | null;

export interface RunResult {
  affected: number;
  insertId: number;
}

type Callback<T> = (err: Error | null, result: T) => void;
interface MysqlExecutor {
  execute(sql: string, values: unknown[], cb: Callback<unknown>): void;
}
interface SqliteStatement {
  reader: boolean;
  all(...values: unknown[]): unknown[];
  run(...values: unknown[]): { changes: number; lastInsertRowid: number | bigint };
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
}

/** Texts kept prepared on SQLite (a connection's whole life); the hot paths use a few dozen. */
const SQLITE_CACHE_MAX = 500;

/**
 * Statements on the hot paths (docs/performance.md, "Where the CPU goes") sent straight through the
 * driver, not through TypeORM's query builder and entity hydration, which were most of a request's CPU:
 * on MySQL/MariaDB as prepared statements (mysql2 `execute`: prepared once per connection and kept), on
 * SQLite as better-sqlite3 statements prepared once per text. One SQL text serves both dialects
 * (backquoted names, `?` placeholders). Inside a transaction pass its EntityManager: the statement runs
 * on that transaction's connection. Errors are the driver's own (`code` ER_DUP_ENTRY,
 * SQLITE_CONSTRAINT_UNIQUE, ECONNREFUSED…), which isUniqueViolation, isDeadlock and
 * isDatabaseUnavailable read as they read TypeORM's wrapped ones.
 */
export class Statements {
  private static readonly byDataSource = new WeakMap<DataSource, Statements>();
  private readonly mysql: boolean;
  private readonly sqliteCache = new Map<string, SqliteStatement>();
  private sqliteConnection: SqliteDatabase | undefined;
  private readonly tables = new Map<unknown, Table<ObjectLiteral>>();

  /** The one instance of a data source (its SQLite statements are prepared once for the whole process). */
  static of(ds: DataSource): Statements {
    let s = Statements.byDataSource.get(ds);
    if (!s) Statements.byDataSource.set(ds, (s = new Statements(ds)));
    return s;
  }

  private constructor(private readonly ds: DataSource) {
    this.mysql = ds.options.type !== 'better-sqlite3';
  }

  async rows<T>(sql: string, values: SqlValue[] = [], em?: EntityManager): Promise<T[]> {
    if (this.mysql) return (await this.mysqlExecute(sql, values, em)) as T[];
    const stmt = this.sqliteStatement(sql);
    const bound = values.map(sqliteValue);
    return (stmt.reader ? stmt.all(...bound) : (stmt.run(...bound), [])) as T[];
  }

  async run(sql: string, values: SqlValue[] = [], em?: EntityManager): Promise<RunResult> {
    if (this.mysql) {
      const r = (await this.mysqlExecute(sql, values, em)) as { affectedRows: number; insertId: number };
      return { affected: r.affectedRows, insertId: r.insertId };
    }
    const r = this.sqliteStatement(sql).run(...values.map(sqliteValue));
    return { affected: r.changes, insertId: Number(r.lastInsertRowid) };
  }

  /** Reads and writes rows of one entity with the column conversions TypeORM's driver applies (booleans, JSON, dates). */
  table<E extends ObjectLiteral>(target: EntityTarget<E>): Table<E> {
    let t = this.tables.get(target);
    if (!t) this.tables.set(target, (t = new Table(this, this.ds, target) as unknown as Table<ObjectLiteral>));
    return t as unknown as Table<E>;
  }

  private mysqlExecute(sql: string, values: SqlValue[], em?: EntityManager): Promise<unknown> {
    // A transaction's manager holds its query runner, connected to the transaction's connection; else the pool.
    const runner = em?.queryRunner as { databaseConnection?: MysqlExecutor; isReleased?: boolean } | undefined;
    const target: MysqlExecutor = runner?.databaseConnection ?? (this.ds.driver as unknown as { pool: MysqlExecutor }).pool;
    return new Promise((resolve, reject) => target.execute(sql, values, (err, result) => (err ? reject(err) : resolve(result))));
  }

  private sqliteStatement(sql: string): SqliteStatement {
    // Statements belong to one open database: a data source destroyed and initialised again has a new one.
    const connection = (this.ds.driver as unknown as { databaseConnection: SqliteDatabase }).databaseConnection;
    if (connection !== this.sqliteConnection) {
      this.sqliteCache.clear();
      this.sqliteConnection = connection;
    }
    let stmt = this.sqliteCache.get(sql);
    if (!stmt) {
      stmt = connection.prepare(sql);
      if (this.sqliteCache.size >= SQLITE_CACHE_MAX) this.sqliteCache.delete(this.sqliteCache.keys().next().value!);
      this.sqliteCache.set(sql, stmt);
    }
    return stmt;
  }
}

/** better-sqlite3 binds neither booleans nor dates: TypeORM's own forms (0/1, the UTC text it stores). */
function sqliteValue(v: SqlValue): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  // TypeORM's DateUtils.mixedDateToUtcDatetimeString: `2026-12-02 06:45:00.123`.
  if (v instanceof Date) return v.toISOString().replace('T', ' ').replace('Z', '');
  return v;
}

/**
 * One entity's table for Statements: its column list for a SELECT, rows turned into entities (what
 * TypeORM's find would answer, with the driver's own conversions per column) and an INSERT of entities.
 */
export class Table<E extends ObjectLiteral> {
  readonly name: string;
  private readonly columns: ColumnMetadata[];
  private readonly byProperty: Map<string, ColumnMetadata>;
  private readonly create: () => E;
  private readonly insertColumns: ColumnMetadata[];
  private readonly insertHead: string;

  constructor(
    private readonly statements: Statements,
    private readonly ds: DataSource,
    target: EntityTarget<E>,
  ) {
    const meta = ds.getMetadata(target);
    this.name = meta.tableName;
    this.columns = meta.columns;
    this.byProperty = new Map(this.columns.map((c) => [c.propertyName, c]));
    this.create = () => meta.create() as E;
    this.insertColumns = this.columns.filter((c) => !c.isGenerated);
    this.insertHead = `INSERT INTO \`${this.name}\` (${this.insertColumns.map((c) => `\`${c.databaseName}\``).join(', ')}) VALUES `;
  }

  /** `a.`col` AS `prop`, …` for every column (or the named ones), to read with `entities`. */
  select(alias: string, only?: (keyof E & string)[]): string {
    const cols = only ? only.map((p) => this.column(p)) : this.columns;
    return cols.map((c) => `${alias}.\`${c.databaseName}\` AS \`${c.propertyName}\``).join(', ');
  }

  /** Rows selected with `select` as entities. */
  entities(rows: Record<string, unknown>[]): E[] {
    const driver = this.ds.driver;
    return rows.map((row) => {
      const e = this.create() as Record<string, unknown>;
      for (const key in row) {
        const c = this.byProperty.get(key);
        e[key] = c ? driver.prepareHydratedValue(row[key], c) : row[key];
      }
      return e as E;
    });
  }

  /**
   * INSERTs the entities, one statement for all of them, every column but the generated id: a property left
   * undefined takes the column's declared default (a version column 1), else NULL, as TypeORM's insert would.
   * Answers the first generated id: one multi-row INSERT gets consecutive ids (InnoDB gives a simple INSERT
   * one block; SQLite's INTEGER PRIMARY KEY takes max + 1 per row inside its one write lock); MySQL
   * reports the first, SQLite the last.
   */
  async insert(entities: Partial<E>[], em?: EntityManager): Promise<number> {
    if (entities.length === 0) return 0;
    const cols = this.insertColumns;
    const driver = this.ds.driver;
    const one = `(${cols.map(() => '?').join(', ')})`;
    const sql = `${this.insertHead}${entities.map(() => one).join(', ')}`;
    const values: SqlValue[] = [];
    for (const e of entities) {
      for (const c of cols) {
        let v = (e as Record<string, unknown>)[c.propertyName];
        if (v === undefined) v = c.isVersion ? 1 : typeof c.default === 'function' ? undefined : c.default;
        values.push(v === undefined || v === null ? null : (driver.preparePersistentValue(v, c) as SqlValue));
      }
    }
    const { insertId } = await this.statements.run(sql, values, em);
    return this.ds.options.type === 'better-sqlite3' ? insertId - entities.length + 1 : insertId;
  }

  private column(property: string): ColumnMetadata {
    const c = this.byProperty.get(property);
    if (!c) throw new Error(`${this.name} has no column ${property}`);
    return c;
  }
}
