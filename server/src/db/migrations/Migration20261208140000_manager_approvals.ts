import { Migration } from '@mikro-orm/migrations';

/**
 * Line-manager approval and waitlists: enrolments may wait for the manager's consent
 * (`awaiting-approval`) or for a place (`waitlisted`, in the order of `waitlisted_at`), and end
 * as `declined` or `expired`; each request for consent is a `manager_approval`.
 */
export class Migration20261208140000_manager_approvals extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "manager_approval" ("id" uuid not null, "enrolment_id" uuid not null, "manager_id" uuid null, "state" text check ("state" in ('pending', 'approved', 'declined', 'expired', 'withdrawn')) not null default 'pending', "created_at" timestamptz not null, "expires_at" timestamptz not null, "reminded_at" timestamptz null, "answered_at" timestamptz null, "answered_by_id" uuid null, constraint "manager_approval_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "manager_approval_manager_id_state_index" on "manager_approval" ("manager_id", "state");`,
    );
    this.addSql(
      `create index "manager_approval_state_expires_at_index" on "manager_approval" ("state", "expires_at");`,
    );
    this.addSql(
      `alter table "manager_approval" add constraint "manager_approval_enrolment_id_foreign" foreign key ("enrolment_id") references "enrolment" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "manager_approval" add constraint "manager_approval_manager_id_foreign" foreign key ("manager_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "manager_approval" add constraint "manager_approval_answered_by_id_foreign" foreign key ("answered_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`alter table "enrolment" drop constraint if exists "enrolment_state_check";`);
    this.addSql(`alter table "enrolment" add column "waitlisted_at" timestamptz null;`);
    this.addSql(
      `alter table "enrolment" add constraint "enrolment_state_check" check("state" in ('active', 'awaiting-approval', 'waitlisted', 'withdrawn', 'declined', 'expired'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "manager_approval" cascade;`);
    this.addSql(`alter table "enrolment" drop constraint if exists "enrolment_state_check";`);
    this.addSql(`alter table "enrolment" drop column "waitlisted_at";`);
    this.addSql(
      `update "enrolment" set "state" = 'withdrawn' where "state" not in ('active', 'withdrawn');`,
    );
    this.addSql(
      `alter table "enrolment" add constraint "enrolment_state_check" check("state" in ('active', 'withdrawn'));`,
    );
  }
}
