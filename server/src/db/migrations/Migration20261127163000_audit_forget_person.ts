import { Migration } from '@mikro-orm/migrations';

/**
 * A third exception to the append-only audit log, for "delete my account": the events keep
 * what happened and when, but the person they were about becomes the tombstone id, and their
 * name, email and subject in the event's data become the replacement words. Only
 * `audit_forget_person` may do that, within its own statement (it marks the transaction and
 * unmarks it before returning), and the trigger still refuses any change to an event's id,
 * time, action, target type or actor.
 */
export class Migration20261127163000_audit_forget_person extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function "audit_event_append_only"() returns trigger language plpgsql as $$
declare
  purge_before text := current_setting('tandem.audit_purge_before', true);
  forgetting text := current_setting('tandem.audit_forget_person', true);
begin
  if tg_op = 'DELETE' and coalesce(purge_before, '') <> '' then
    if old."at" < purge_before::timestamptz then
      return old;
    end if;
  end if;
  if tg_op = 'UPDATE' then
    if old."actor_id" is not null and new."actor_id" is null
      and (new."id", new."at", new."action", new."target_type", new."target_id", new."data")
        is not distinct from
        (old."id", old."at", old."action", old."target_type", old."target_id", old."data") then
      return new;
    end if;
    if coalesce(forgetting, '') = 'on'
      and (new."id", new."at", new."action", new."target_type", new."actor_id")
        is not distinct from
        (old."id", old."at", old."action", old."target_type", old."actor_id") then
      return new;
    end if;
  end if;
  raise exception 'audit_event is append-only: % is refused (old events go only through audit_purge_before)', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;`);
    this.addSql(`create function "audit_forget_person"("old_id" text, "new_id" text, "patterns" jsonb, "replacements" jsonb)
  returns bigint language plpgsql security definer set search_path = public, pg_temp as $$
declare
  changed bigint := 0;
  rows bigint;
  i int;
begin
  perform set_config('tandem.audit_forget_person', 'on', true);
  update "audit_event" set "target_id" = new_id where "target_id" = old_id;
  get diagnostics rows = row_count;
  changed := changed + rows;
  for i in 0 .. jsonb_array_length(patterns) - 1 loop
    update "audit_event"
       set "data" = regexp_replace("data"::text, patterns->>i, replacements->>i, 'gi')::jsonb
     where "data"::text ~* (patterns->>i);
    get diagnostics rows = row_count;
    changed := changed + rows;
  end loop;
  perform set_config('tandem.audit_forget_person', '', true);
  return changed;
end;
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function "audit_forget_person"(text, text, jsonb, jsonb);`);
  }
}
