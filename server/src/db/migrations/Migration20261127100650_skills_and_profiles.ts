import { Migration } from '@mikro-orm/migrations';

export class Migration20261127100650_skills_and_profiles extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "skill" ("key" varchar(255) not null, "label_de" varchar(255) not null, "label_en" varchar(255) not null, "category" text check ("category" in ('digital', 'organisation')) not null, "archived" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "skill_pkey" primary key ("key"));`,
    );

    this.addSql(
      `create table "user_profile" ("user_id" uuid not null, "data" jsonb not null, "updated_at" timestamptz not null, constraint "user_profile_pkey" primary key ("user_id"));`,
    );

    this.addSql(
      `alter table "user_profile" add constraint "user_profile_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );

    // The taxonomy a new Tandem starts with: digital skills young colleagues often bring, and
    // the organisational knowledge senior ones do. Admins edit it from here on.
    this.addSql(`insert into "skill" ("key", "label_de", "label_en", "category", "created_at", "updated_at") values
       ('collaboration-tools', 'Kollaborationswerkzeuge', 'Collaboration tools', 'digital', now(), now()),
       ('video-meetings', 'Videokonferenzen und hybride Besprechungen', 'Video and hybrid meetings', 'digital', now(), now()),
       ('e-file', 'E-Akte und digitale Vorgangsbearbeitung', 'E-files and digital workflows', 'digital', now(), now()),
       ('social-media', 'Soziale Medien', 'Social media', 'digital', now(), now()),
       ('ai-assistants', 'KI-Assistenten', 'AI assistants', 'digital', now(), now()),
       ('data-literacy', 'Datenkompetenz und Open Data', 'Data literacy and open data', 'digital', now(), now()),
       ('it-security', 'IT-Sicherheit im Arbeitsalltag', 'IT security at work', 'digital', now(), now()),
       ('agile-methods', 'Agile Methoden', 'Agile methods', 'digital', now(), now()),
       ('digital-accessibility', 'Digitale Barrierefreiheit', 'Digital accessibility', 'digital', now(), now()),
       ('mobile-work', 'Mobiles Arbeiten', 'Mobile working', 'digital', now(), now()),
       ('knowledge-sharing', 'Wissensmanagement und Wikis', 'Knowledge sharing and wikis', 'digital', now(), now()),
       ('spreadsheets', 'Tabellenkalkulation', 'Spreadsheets', 'digital', now(), now()),
       ('online-services', 'Onlinedienste für Bürgerinnen und Bürger', 'Online services for citizens', 'digital', now(), now()),
       ('leadership', 'Führung', 'Leadership', 'organisation', now(), now()),
       ('public-administration', 'Verwaltungswissen und Verfahren', 'Public administration and procedures', 'organisation', now(), now()),
       ('project-management', 'Projektmanagement', 'Project management', 'organisation', now(), now()),
       ('budgeting', 'Haushalt und Finanzen', 'Budget and finance', 'organisation', now(), now()),
       ('negotiation', 'Verhandeln und Abstimmen', 'Negotiating and aligning', 'organisation', now(), now()),
       ('networking', 'Netzwerke im Haus', 'Internal networks', 'organisation', now(), now()),
       ('career-development', 'Berufliche Entwicklung', 'Career development', 'organisation', now(), now());`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "skill" cascade;`);

    this.addSql(`drop table if exists "user_profile" cascade;`);
  }
}
