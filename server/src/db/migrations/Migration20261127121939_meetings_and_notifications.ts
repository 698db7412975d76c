import { Migration } from '@mikro-orm/migrations';

export class Migration20261127121939_meetings_and_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notification" ("id" uuid not null, "recipient_id" uuid not null, "subject" varchar(255) not null, "sequence" int not null default 0, "kind" varchar(255) not null, "programme_id" uuid null, "meeting_id" uuid null, "title" varchar(255) not null, "text" text not null, "link" varchar(255) null, "calendar" text null, "read_at" timestamptz null, "created_at" timestamptz not null, constraint "notification_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "notification_recipient_id_created_at_index" on "notification" ("recipient_id", "created_at");`,
    );
    this.addSql(
      `alter table "notification" add constraint "notification_recipient_id_subject_sequence_unique" unique ("recipient_id", "subject", "sequence");`,
    );

    this.addSql(
      `alter table "notification" add constraint "notification_recipient_id_foreign" foreign key ("recipient_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "notification" add constraint "notification_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "notification" add constraint "notification_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "meeting" drop constraint if exists "meeting_state_check";`);

    this.addSql(`alter table "delivery" drop constraint "delivery_meeting_id_foreign";`);
    this.addSql(`alter table "delivery" drop constraint "delivery_recipient_id_foreign";`);

    this.addSql(
      `alter table "app_user" add column "muted_channels" text[] not null default '{}', add column "channel_addresses" jsonb not null default '{}';`,
    );

    this.addSql(`alter table "meeting" drop column "session_index";`);

    this.addSql(
      `alter table "meeting" add column "session_id" uuid null, add column "responses" jsonb not null default '{}';`,
    );
    this.addSql(
      `alter table "meeting" add constraint "meeting_session_id_foreign" foreign key ("session_id") references "pair_session" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "meeting" add constraint "meeting_state_check" check("state" in ('planned', 'held', 'cancelled'));`,
    );

    this.addSql(`drop index "delivery_meeting_id_index";`);
    this.addSql(`drop index "delivery_recipient_id_index";`);
    this.addSql(
      `alter table "delivery" drop constraint "delivery_subject_recipient_id_channel_sequence_unique";`,
    );
    this.addSql(
      `alter table "delivery" drop column "subject", drop column "meeting_id", drop column "kind", drop column "sequence";`,
    );

    this.addSql(`alter table "delivery" rename column "recipient_id" to "notification_id";`);
    this.addSql(
      `alter table "delivery" add constraint "delivery_notification_id_foreign" foreign key ("notification_id") references "notification" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `create index "delivery_state_created_at_index" on "delivery" ("state", "created_at");`,
    );
    this.addSql(
      `alter table "delivery" add constraint "delivery_notification_id_channel_unique" unique ("notification_id", "channel");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "delivery" drop constraint "delivery_notification_id_foreign";`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`alter table "meeting" drop constraint if exists "meeting_state_check";`);

    this.addSql(`alter table "meeting" drop constraint "meeting_session_id_foreign";`);

    this.addSql(
      `alter table "app_user" drop column "muted_channels", drop column "channel_addresses";`,
    );

    this.addSql(`drop index "delivery_state_created_at_index";`);
    this.addSql(
      `alter table "delivery" drop constraint "delivery_notification_id_channel_unique";`,
    );

    this.addSql(
      `alter table "delivery" add column "subject" varchar(255) not null, add column "meeting_id" uuid null, add column "kind" varchar(255) not null, add column "sequence" int4 not null default 0;`,
    );
    this.addSql(
      `alter table "delivery" add constraint "delivery_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`alter table "delivery" rename column "notification_id" to "recipient_id";`);
    this.addSql(
      `alter table "delivery" add constraint "delivery_recipient_id_foreign" foreign key ("recipient_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`create index "delivery_meeting_id_index" on "delivery" ("meeting_id");`);
    this.addSql(`create index "delivery_recipient_id_index" on "delivery" ("recipient_id");`);
    this.addSql(
      `alter table "delivery" add constraint "delivery_subject_recipient_id_channel_sequence_unique" unique ("subject", "recipient_id", "channel", "sequence");`,
    );

    this.addSql(`alter table "meeting" drop column "session_id", drop column "responses";`);

    this.addSql(`alter table "meeting" add column "session_index" int4 not null;`);
    this.addSql(
      `alter table "meeting" add constraint "meeting_state_check" check("state" in ('planned', 'confirmed', 'held', 'missed', 'cancelled'));`,
    );
  }
}
