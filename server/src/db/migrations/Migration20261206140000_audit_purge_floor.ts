import { Migration } from '@mikro-orm/migrations';

/**
 * `audit_purge_before` runs with the owner's rights, and the app's role may call it: with any
 * cutoff, `audit_purge_before(now())` emptied the log. It now refuses a cutoff later than 30
 * days ago, the shortest AUDIT_RETENTION_DAYS allows, so the app's role can delete no event
 * that retention would keep under any setting.
 */
export class Migration20261206140000_audit_purge_floor extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      purgeBefore(`if cutoff > now() - interval '30 days' then
    raise exception 'audit_purge_before: the cutoff % is later than 30 days ago, the shortest retention', cutoff
      using errcode = 'insufficient_privilege';
  end if;`),
    );
  }

  override async down(): Promise<void> {
    this.addSql(purgeBefore(''));
  }
}

/** The purge function of migration audit_append_only, with `guard` first. */
function purgeBefore(guard: string): string {
  return `create or replace function "audit_purge_before"("cutoff" timestamptz) returns bigint
  language plpgsql security definer set search_path = public, pg_temp as $$
declare
  purged bigint;
begin
  ${guard}
  perform set_config('tandem.audit_purge_before', cutoff::text, true);
  delete from "audit_event" where "at" < cutoff;
  get diagnostics purged = row_count;
  perform set_config('tandem.audit_purge_before', '', true);
  return purged;
end;
$$;`;
}
