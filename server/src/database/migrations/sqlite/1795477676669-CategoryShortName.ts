import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CategoryShortName1795477676669 implements MigrationInterface {
  name = 'CategoryShortName1795477676669';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"temporary_categories\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(32) NOT NULL, \"icon\" varchar(32) NOT NULL, \"routing\" varchar(16) NOT NULL, \"partnerKind\" varchar(32), \"acceptMinutes\" integer NOT NULL, \"resolveMinutes\" integer NOT NULL, \"duplicateRadiusMeters\" integer NOT NULL, \"sortOrder\" integer NOT NULL, \"active\" boolean NOT NULL, \"shortName\" varchar(16), CONSTRAINT \"UQ_77d7eff8a7aaa05457a12b8007a\" UNIQUE (\"code\"))");
    await queryRunner.query("INSERT INTO \"temporary_categories\"(\"id\", \"code\", \"name\", \"icon\", \"routing\", \"partnerKind\", \"acceptMinutes\", \"resolveMinutes\", \"duplicateRadiusMeters\", \"sortOrder\", \"active\") SELECT \"id\", \"code\", \"name\", \"icon\", \"routing\", \"partnerKind\", \"acceptMinutes\", \"resolveMinutes\", \"duplicateRadiusMeters\", \"sortOrder\", \"active\" FROM \"categories\"");
    await queryRunner.query("DROP TABLE \"categories\"");
    await queryRunner.query("ALTER TABLE \"temporary_categories\" RENAME TO \"categories\"");
    // Hand-added: the two seeded categories whose names are longer than 6 characters get their short labels.
    await queryRunner.query("UPDATE \"categories\" SET \"shortName\" = '秩序安全' WHERE \"code\" = 'order_safety' AND \"shortName\" IS NULL");
    await queryRunner.query("UPDATE \"categories\" SET \"shortName\" = '社区参与' WHERE \"code\" = 'participation' AND \"shortName\" IS NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"categories\" RENAME TO \"temporary_categories\"");
    await queryRunner.query("CREATE TABLE \"categories\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(32) NOT NULL, \"icon\" varchar(32) NOT NULL, \"routing\" varchar(16) NOT NULL, \"partnerKind\" varchar(32), \"acceptMinutes\" integer NOT NULL, \"resolveMinutes\" integer NOT NULL, \"duplicateRadiusMeters\" integer NOT NULL, \"sortOrder\" integer NOT NULL, \"active\" boolean NOT NULL, CONSTRAINT \"UQ_77d7eff8a7aaa05457a12b8007a\" UNIQUE (\"code\"))");
    await queryRunner.query("INSERT INTO \"categories\"(\"id\", \"code\", \"name\", \"icon\", \"routing\", \"partnerKind\", \"acceptMinutes\", \"resolveMinutes\", \"duplicateRadiusMeters\", \"sortOrder\", \"active\") SELECT \"id\", \"code\", \"name\", \"icon\", \"routing\", \"partnerKind\", \"acceptMinutes\", \"resolveMinutes\", \"duplicateRadiusMeters\", \"sortOrder\", \"active\" FROM \"temporary_categories\"");
    await queryRunner.query("DROP TABLE \"temporary_categories\"");
  }
}
