import { Migration } from '@mikro-orm/migrations';

/**
 * Channel instances: a channel plugin configured more than once at run time, one configuration
 * a row, chosen per programme in its settings (`channelInstances`).
 */
export class Migration20261210120000_channel_instances extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "channel_instance" ("id" uuid not null, "channel" varchar(255) not null, "name" varchar(255) not null, "config" jsonb not null, "created_by_id" uuid null, "updated_by_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "channel_instance_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "channel_instance" add constraint "channel_instance_channel_name_unique" unique ("channel", "name");`,
    );
    this.addSql(
      `alter table "channel_instance" add constraint "channel_instance_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "channel_instance" add constraint "channel_instance_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "channel_instance" cascade;`);
  }
}
