import { Migration } from '@mikro-orm/migrations';

/**
 * What a directory (LDAP sync or SCIM provisioning) knows of a person beyond the sign-in:
 * - `username`: the name both the directory and the identity provider know (uid,
 *   sAMAccountName, userPrincipalName), which links a person the directory created to their
 *   first sign-in; unique per issuer;
 * - `external_id`: the directory's own stable id for the entry (entryUUID, objectGUID, SCIM
 *   externalId);
 * - `directory_source`: who manages the person (`ldap`, `scim`), null for people known from
 *   sign-in or a CSV file only;
 * - `manager_id`: their line manager, for the reporting-line rule and approvals;
 * - `deactivated_at`: when the directory said they left; a deactivated person cannot sign in.
 */
export class Migration20261208090000_directory_people extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "app_user"
      add column "username" text null,
      add column "external_id" text null,
      add column "directory_source" text null
        check ("directory_source" in ('ldap', 'scim')),
      add column "manager_id" uuid null
        references "app_user" ("id") on update cascade on delete set null,
      add column "deactivated_at" timestamptz null;`);
    this.addSql(
      `create unique index "app_user_issuer_username_unique" on "app_user" ("issuer", lower("username")) where "username" is not null;`,
    );
    this.addSql(
      `create unique index "app_user_source_external_id_unique" on "app_user" ("directory_source", "external_id") where "external_id" is not null;`,
    );
    this.addSql(`create index "app_user_manager_id_index" on "app_user" ("manager_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app_user"
      drop column "username", drop column "external_id", drop column "directory_source",
      drop column "manager_id", drop column "deactivated_at";`);
  }
}
