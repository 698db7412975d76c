import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127070132_initial } from './Migration20261127070132_initial.js';
import { Migration20261127072714_sessions } from './Migration20261127072714_sessions.js';
import { Migration20261127092814_plugins_and_matching_runs } from './Migration20261127092814_plugins_and_matching_runs.js';
import { Migration20261127100650_skills_and_profiles } from './Migration20261127100650_skills_and_profiles.js';
import { Migration20261127101139_pair_plans } from './Migration20261127101139_pair_plans.js';
import { Migration20261127105259_match_forbids } from './Migration20261127105259_match_forbids.js';
import { Migration20261127110007_pair_activity_and_run_progress } from './Migration20261127110007_pair_activity_and_run_progress.js';
import { Migration20261127110548_tandem_requests } from './Migration20261127110548_tandem_requests.js';
import { Migration20261127121939_meetings_and_notifications } from './Migration20261127121939_meetings_and_notifications.js';
import { Migration20261127132307_lunch_rounds } from './Migration20261127132307_lunch_rounds.js';
import { Migration20261127140030_notification_locale } from './Migration20261127140030_notification_locale.js';
import { Migration20261127155535_notes_encryption } from './Migration20261127155535_notes_encryption.js';
import { Migration20261127160400_audit_append_only } from './Migration20261127160400_audit_append_only.js';
import { Migration20261127161342_api_tokens } from './Migration20261127161342_api_tokens.js';
import { Migration20261127161908_rate_limit_store } from './Migration20261127161908_rate_limit_store.js';
import { Migration20261127163000_audit_forget_person } from './Migration20261127163000_audit_forget_person.js';
import { Migration20261127170000_audit_unlink_actor } from './Migration20261127170000_audit_unlink_actor.js';
import { Migration20261128090000_questions_encryption } from './Migration20261128090000_questions_encryption.js';
import { Migration20261206120000_calendar_reply } from './Migration20261206120000_calendar_reply.js';
import { Migration20261206122000_find_a_time } from './Migration20261206122000_find_a_time.js';
import { Migration20261206140000_audit_purge_floor } from './Migration20261206140000_audit_purge_floor.js';
import { Migration20261207090000_meeting_countered_by } from './Migration20261207090000_meeting_countered_by.js';
import { Migration20261207100000_organisation_sign_language_video } from './Migration20261207100000_organisation_sign_language_video.js';
import { Migration20261207110000_lunch_skip } from './Migration20261207110000_lunch_skip.js';
import { Migration20261207120000_tandem_request_message } from './Migration20261207120000_tandem_request_message.js';
import { Migration20261207180000_dissolved_reason_code } from './Migration20261207180000_dissolved_reason_code.js';
import { Migration20261207190000_pair_session_translations } from './Migration20261207190000_pair_session_translations.js';
import { Migration20261208090000_directory_people } from './Migration20261208090000_directory_people.js';
import { Migration20261208100000_directory_sync_run } from './Migration20261208100000_directory_sync_run.js';
import { Migration20261208110000_scim_groups } from './Migration20261208110000_scim_groups.js';
import { Migration20261208120000_programme_manager } from './Migration20261208120000_programme_manager.js';
import { Migration20261208140000_manager_approvals } from './Migration20261208140000_manager_approvals.js';
import { Migration20261208150000_meeting_calendars_unread } from './Migration20261208150000_meeting_calendars_unread.js';
import { Migration20261209100000_goals_and_surveys } from './Migration20261209100000_goals_and_surveys.js';
import { Migration20261209130000_certificates } from './Migration20261209130000_certificates.js';
import { Migration20261210110000_agency_scale } from './Migration20261210110000_agency_scale.js';
import { Migration20261210120000_channel_instances } from './Migration20261210120000_channel_instances.js';

/** Every migration, oldest first. `pnpm --filter @tandem/server migration:create` appends here. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261127070132_initial', class: Migration20261127070132_initial },
  { name: 'Migration20261127072714_sessions', class: Migration20261127072714_sessions },
  {
    name: 'Migration20261127092814_plugins_and_matching_runs',
    class: Migration20261127092814_plugins_and_matching_runs,
  },
  {
    name: 'Migration20261127100650_skills_and_profiles',
    class: Migration20261127100650_skills_and_profiles,
  },
  { name: 'Migration20261127101139_pair_plans', class: Migration20261127101139_pair_plans },
  { name: 'Migration20261127105259_match_forbids', class: Migration20261127105259_match_forbids },
  {
    name: 'Migration20261127110007_pair_activity_and_run_progress',
    class: Migration20261127110007_pair_activity_and_run_progress,
  },
  {
    name: 'Migration20261127110548_tandem_requests',
    class: Migration20261127110548_tandem_requests,
  },
  {
    name: 'Migration20261127121939_meetings_and_notifications',
    class: Migration20261127121939_meetings_and_notifications,
  },
  { name: 'Migration20261127132307_lunch_rounds', class: Migration20261127132307_lunch_rounds },
  {
    name: 'Migration20261127140030_notification_locale',
    class: Migration20261127140030_notification_locale,
  },
  {
    name: 'Migration20261127155535_notes_encryption',
    class: Migration20261127155535_notes_encryption,
  },
  {
    name: 'Migration20261127160400_audit_append_only',
    class: Migration20261127160400_audit_append_only,
  },
  { name: 'Migration20261127161342_api_tokens', class: Migration20261127161342_api_tokens },
  {
    name: 'Migration20261127161908_rate_limit_store',
    class: Migration20261127161908_rate_limit_store,
  },
  {
    name: 'Migration20261127163000_audit_forget_person',
    class: Migration20261127163000_audit_forget_person,
  },
  {
    name: 'Migration20261127170000_audit_unlink_actor',
    class: Migration20261127170000_audit_unlink_actor,
  },
  {
    name: 'Migration20261128090000_questions_encryption',
    class: Migration20261128090000_questions_encryption,
  },
  { name: 'Migration20261206120000_calendar_reply', class: Migration20261206120000_calendar_reply },
  { name: 'Migration20261206122000_find_a_time', class: Migration20261206122000_find_a_time },
  {
    name: 'Migration20261206140000_audit_purge_floor',
    class: Migration20261206140000_audit_purge_floor,
  },
  {
    name: 'Migration20261207090000_meeting_countered_by',
    class: Migration20261207090000_meeting_countered_by,
  },
  {
    name: 'Migration20261207100000_organisation_sign_language_video',
    class: Migration20261207100000_organisation_sign_language_video,
  },
  { name: 'Migration20261207110000_lunch_skip', class: Migration20261207110000_lunch_skip },
  {
    name: 'Migration20261207120000_tandem_request_message',
    class: Migration20261207120000_tandem_request_message,
  },
  {
    name: 'Migration20261207180000_dissolved_reason_code',
    class: Migration20261207180000_dissolved_reason_code,
  },
  {
    name: 'Migration20261207190000_pair_session_translations',
    class: Migration20261207190000_pair_session_translations,
  },
  {
    name: 'Migration20261208090000_directory_people',
    class: Migration20261208090000_directory_people,
  },
  {
    name: 'Migration20261208100000_directory_sync_run',
    class: Migration20261208100000_directory_sync_run,
  },
  { name: 'Migration20261208110000_scim_groups', class: Migration20261208110000_scim_groups },
  {
    name: 'Migration20261208120000_programme_manager',
    class: Migration20261208120000_programme_manager,
  },
  {
    name: 'Migration20261208140000_manager_approvals',
    class: Migration20261208140000_manager_approvals,
  },
  {
    name: 'Migration20261208150000_meeting_calendars_unread',
    class: Migration20261208150000_meeting_calendars_unread,
  },
  {
    name: 'Migration20261209100000_goals_and_surveys',
    class: Migration20261209100000_goals_and_surveys,
  },
  { name: 'Migration20261209130000_certificates', class: Migration20261209130000_certificates },
  { name: 'Migration20261210110000_agency_scale', class: Migration20261210110000_agency_scale },
  {
    name: 'Migration20261210120000_channel_instances',
    class: Migration20261210120000_channel_instances,
  },
];
