import { Migration } from '@mikro-orm/migrations';

/** "Skip this round" in lunch programmes: pending until the round is drawn, then its record. */
export class Migration20261207110000_lunch_skip extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "lunch_skip" ("id" uuid not null, "enrolment_id" uuid not null, "round" int null, "created_at" timestamptz not null, constraint "lunch_skip_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "lunch_skip_enrolment_id_index" on "lunch_skip" ("enrolment_id");`);
    this.addSql(
      `alter table "lunch_skip" add constraint "lunch_skip_enrolment_id_foreign" foreign key ("enrolment_id") references "enrolment" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "lunch_skip" cascade;`);
  }
}
