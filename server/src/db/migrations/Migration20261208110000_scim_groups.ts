import { Migration } from '@mikro-orm/migrations';

/**
 * Groups an identity provider provisions over SCIM, and their members: a group named like a
 * configured role value gives its members that role. A group's externalId (the IdP's object
 * id) is unique among groups; deleting a person removes them from every group.
 */
export class Migration20261208110000_scim_groups extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "scim_group" (
      "id" uuid not null primary key,
      "display_name" text not null,
      "external_id" text null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null);`);
    this.addSql(
      `create unique index "scim_group_external_id_unique" on "scim_group" ("external_id") where "external_id" is not null;`,
    );
    this.addSql(`create table "scim_group_member" (
      "group_id" uuid not null references "scim_group" ("id") on update cascade on delete cascade,
      "user_id" uuid not null references "app_user" ("id") on update cascade on delete cascade,
      primary key ("group_id", "user_id"));`);
    this.addSql(
      `create index "scim_group_member_user_id_index" on "scim_group_member" ("user_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table "scim_group_member";');
    this.addSql('drop table "scim_group";');
  }
}
