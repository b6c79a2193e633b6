import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RealWechatUsers1795463573002 implements MigrationInterface {
  name = 'RealWechatUsers1795463573002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"account_claims\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"accountId\" integer NOT NULL, \"claimantId\" integer NOT NULL, \"phone\" varchar(20) NOT NULL, \"status\" varchar(16) NOT NULL, \"reason\" varchar(200), \"decidedById\" integer, \"decidedAt\" datetime(3), \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_5b625909feef93ded3c2d2ce4e\" ON \"account_claims\" (\"claimantId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a4b56de7ae335b3e7e04840c14\" ON \"account_claims\" (\"accountId\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"phone_reveals\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"viewerId\" integer NOT NULL, \"subjectId\" integer NOT NULL, \"communityId\" integer, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_2d6a1fd7d6427cb898e19125e5\" ON \"phone_reveals\" (\"communityId\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_4e6c25592a4ecb4041f4252dc2\" ON \"phone_reveals\" (\"subjectId\", \"id\") ");
    await queryRunner.query("DROP INDEX \"IDX_9c98f005249412c8333a3b2c59\"");
    await queryRunner.query("CREATE TABLE \"temporary_users\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(64) NOT NULL, \"phone\" varchar(20), \"openid\" varchar(64), \"createdAt\" datetime(3) NOT NULL, \"phoneVerifiedAt\" datetime(3), \"nickname\" varchar(64), \"avatarKey\" varchar(64), \"consentVersion\" varchar(32), \"consentedAt\" datetime(3), \"deletedAt\" datetime(3))");
    await queryRunner.query("INSERT INTO \"temporary_users\"(\"id\", \"name\", \"phone\", \"openid\", \"createdAt\") SELECT \"id\", \"name\", \"phone\", \"openid\", \"createdAt\" FROM \"users\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("ALTER TABLE \"temporary_users\" RENAME TO \"users\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_9c98f005249412c8333a3b2c59\" ON \"users\" (\"openid\") ");
    await queryRunner.query("DROP INDEX \"IDX_6232e07416698f63cd5cd1cb3a\"");
    await queryRunner.query("DROP INDEX \"IDX_a3143987b09409b2c1206bba55\"");
    await queryRunner.query("CREATE TABLE \"temporary_household_bindings\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"userId\" integer NOT NULL, \"householdId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"decidedById\" integer, \"decidedAt\" datetime(3), \"createdAt\" datetime(3) NOT NULL, \"reason\" varchar(200), \"endedAt\" datetime(3), \"endedById\" integer)");
    await queryRunner.query("INSERT INTO \"temporary_household_bindings\"(\"id\", \"userId\", \"householdId\", \"communityId\", \"status\", \"decidedById\", \"decidedAt\", \"createdAt\") SELECT \"id\", \"userId\", \"householdId\", \"communityId\", \"status\", \"decidedById\", \"decidedAt\", \"createdAt\" FROM \"household_bindings\"");
    await queryRunner.query("DROP TABLE \"household_bindings\"");
    await queryRunner.query("ALTER TABLE \"temporary_household_bindings\" RENAME TO \"household_bindings\"");
    await queryRunner.query("CREATE INDEX \"IDX_6232e07416698f63cd5cd1cb3a\" ON \"household_bindings\" (\"userId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a3143987b09409b2c1206bba55\" ON \"household_bindings\" (\"communityId\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a000cca60bcf04454e72769949\" ON \"users\" (\"phone\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_a000cca60bcf04454e72769949\"");
    await queryRunner.query("DROP INDEX \"IDX_a3143987b09409b2c1206bba55\"");
    await queryRunner.query("DROP INDEX \"IDX_6232e07416698f63cd5cd1cb3a\"");
    await queryRunner.query("ALTER TABLE \"household_bindings\" RENAME TO \"temporary_household_bindings\"");
    await queryRunner.query("CREATE TABLE \"household_bindings\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"userId\" integer NOT NULL, \"householdId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"decidedById\" integer, \"decidedAt\" datetime(3), \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("INSERT INTO \"household_bindings\"(\"id\", \"userId\", \"householdId\", \"communityId\", \"status\", \"decidedById\", \"decidedAt\", \"createdAt\") SELECT \"id\", \"userId\", \"householdId\", \"communityId\", \"status\", \"decidedById\", \"decidedAt\", \"createdAt\" FROM \"temporary_household_bindings\"");
    await queryRunner.query("DROP TABLE \"temporary_household_bindings\"");
    await queryRunner.query("CREATE INDEX \"IDX_a3143987b09409b2c1206bba55\" ON \"household_bindings\" (\"communityId\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_6232e07416698f63cd5cd1cb3a\" ON \"household_bindings\" (\"userId\") ");
    await queryRunner.query("DROP INDEX \"IDX_9c98f005249412c8333a3b2c59\"");
    await queryRunner.query("ALTER TABLE \"users\" RENAME TO \"temporary_users\"");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(64) NOT NULL, \"phone\" varchar(20), \"openid\" varchar(64), \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("INSERT INTO \"users\"(\"id\", \"name\", \"phone\", \"openid\", \"createdAt\") SELECT \"id\", \"name\", \"phone\", \"openid\", \"createdAt\" FROM \"temporary_users\"");
    await queryRunner.query("DROP TABLE \"temporary_users\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_9c98f005249412c8333a3b2c59\" ON \"users\" (\"openid\") ");
    await queryRunner.query("DROP INDEX \"IDX_4e6c25592a4ecb4041f4252dc2\"");
    await queryRunner.query("DROP INDEX \"IDX_2d6a1fd7d6427cb898e19125e5\"");
    await queryRunner.query("DROP TABLE \"phone_reveals\"");
    await queryRunner.query("DROP INDEX \"IDX_a4b56de7ae335b3e7e04840c14\"");
    await queryRunner.query("DROP INDEX \"IDX_5b625909feef93ded3c2d2ce4e\"");
    await queryRunner.query("DROP TABLE \"account_claims\"");
  }
}
