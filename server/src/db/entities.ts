import type { EntitySchema } from '@mikro-orm/core';
import { ApiToken } from '../auth/api-token.js';
import { LoginAttempt } from '../auth/login-attempt.js';
import { RateLimitCounter } from '../auth/rate-limit-counter.js';
import { Session } from '../auth/session.js';
import { ManagerApproval } from '../modules/approvals/manager-approval.js';
import { AuditEvent } from '../modules/audit/audit-event.js';
import { Certificate } from '../modules/certificates/certificate.js';
import { ChannelInstance } from '../modules/channels/channel-instance.js';
import { DirectorySyncRun } from '../modules/directory/directory-sync-run.js';
import { Enrolment } from '../modules/enrolment/enrolment.js';
import { PairGoal } from '../modules/evaluation/pair-goal.js';
import { PairGoalProgress } from '../modules/evaluation/pair-goal-progress.js';
import { LunchSkip } from '../modules/matching/lunch-skip.js';
import { Match } from '../modules/matching/match.js';
import { MatchForbid } from '../modules/matching/match-forbid.js';
import { MatchMember } from '../modules/matching/match-member.js';
import { MatchingRun } from '../modules/matching/matching-run.js';
import { CalendarReplyRecord } from '../modules/meetings/calendar-reply-record.js';
import { Meeting } from '../modules/meetings/meeting.js';
import { SchedulingRequest } from '../modules/meetings/scheduling-request.js';
import { TimeProposal } from '../modules/meetings/time-proposal.js';
import { Delivery } from '../modules/notifications/delivery.js';
import { Notification } from '../modules/notifications/notification.js';
import { Organisation } from '../modules/organisation/organisation.js';
import { PairNote } from '../modules/pairs/pair-note.js';
import { PairQuestion } from '../modules/pairs/pair-question.js';
import { PairSession } from '../modules/pairs/pair-session.js';
import { SessionFeedback } from '../modules/pairs/session-feedback.js';
import { UserProfile } from '../modules/profiles/user-profile.js';
import { Programme } from '../modules/programmes/programme.js';
import { ProgrammeManager } from '../modules/programmes/programme-manager.js';
import { ScimGroup } from '../modules/scim/scim-group.js';
import { ScimGroupMember } from '../modules/scim/scim-group-member.js';
import { TandemRequest } from '../modules/self-service/tandem-request.js';
import { Skill } from '../modules/skills/skill.js';
import { SurveyInvitation } from '../modules/surveys/survey-invitation.js';
import { SurveyResponse } from '../modules/surveys/survey-response.js';
import { User } from '../modules/users/user.js';
import { PluginStoreEntry } from '../plugin-host/plugin-store-entry.js';

/** Every entity of the domain; the ORM and the migration generator read this list. */
export const entities: EntitySchema[] = [
  Organisation,
  User,
  Programme,
  Enrolment,
  Match,
  MatchMember,
  MatchingRun,
  Meeting,
  Notification,
  Delivery,
  AuditEvent,
  Session,
  LoginAttempt,
  PluginStoreEntry,
  Skill,
  UserProfile,
  PairSession,
  PairNote,
  PairQuestion,
  SessionFeedback,
  PairGoal,
  PairGoalProgress,
  MatchForbid,
  TandemRequest,
  RateLimitCounter,
  ApiToken,
  CalendarReplyRecord,
  SchedulingRequest,
  TimeProposal,
  LunchSkip,
  DirectorySyncRun,
  ProgrammeManager,
  ManagerApproval,
  ScimGroup,
  ScimGroupMember,
  Certificate,
  ChannelInstance,
  SurveyInvitation,
  SurveyResponse,
];
