import { Migration } from '@mikro-orm/migrations';

/**
 * Audit events can be added and read, never changed or removed, by anyone whose statements
 * reach the table: a trigger refuses UPDATE, DELETE and TRUNCATE. Two exceptions:
 * - retention: `audit_purge_before(cutoff)` deletes the events before the cutoff, and only those
 *   (it marks its own transaction, and the trigger lets through rows older than the mark);
 * - a person's account is deleted: the foreign key sets `actor_id` to null, and nothing else of
 *   the event may change with it.
 * The function is SECURITY DEFINER so that a database role without DELETE on the table (see
 * docs/operators/security.md) can still run retention.
 */
export class Migration20261127160400_audit_append_only extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "audit_event_append_only"() returns trigger language plpgsql as $$
declare
  purge_before text := current_setting('tandem.audit_purge_before', true);
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
  end if;
  raise exception 'audit_event is append-only: % is refused (old events go only through audit_purge_before)', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;`);
    this.addSql(
      `create trigger "audit_event_no_change" before update or delete on "audit_event" for each row execute function "audit_event_append_only"();`,
    );
    this.addSql(
      `create trigger "audit_event_no_truncate" before truncate on "audit_event" for each statement execute function "audit_event_append_only"();`,
    );
    this.addSql(`create function "audit_purge_before"("cutoff" timestamptz) returns bigint
  language plpgsql security definer set search_path = public, pg_temp as $$
declare
  purged bigint;
begin
  perform set_config('tandem.audit_purge_before', cutoff::text, true);
  delete from "audit_event" where "at" < cutoff;
  get diagnostics purged = row_count;
  perform set_config('tandem.audit_purge_before', '', true);
  return purged;
end;
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function "audit_purge_before"(timestamptz);`);
    this.addSql(`drop trigger "audit_event_no_truncate" on "audit_event";`);
    this.addSql(`drop trigger "audit_event_no_change" on "audit_event";`);
    this.addSql(`drop function "audit_event_append_only"();`);
  }
}
