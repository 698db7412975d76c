import { Migration } from '@mikro-orm/migrations';

/**
 * "Delete my account" takes the person off the events they did: the one change to an audit
 * event the trigger allows besides `audit_forget_person`'s. A SECURITY DEFINER function, like
 * that one, so that the app's role needs no UPDATE on the table at all (docs/operators/security.md).
 */
export class Migration20261127170000_audit_unlink_actor extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "audit_unlink_actor"("user_id" uuid) returns bigint
  language plpgsql security definer set search_path = public, pg_temp as $$
declare
  unlinked bigint;
begin
  update "audit_event" set "actor_id" = null where "actor_id" = user_id;
  get diagnostics unlinked = row_count;
  return unlinked;
end;
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function "audit_unlink_actor"(uuid);`);
  }
}
