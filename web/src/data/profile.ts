import type { Static } from '@sinclair/typebox';
import type {
  AvailabilityWindowSchema,
  ProfileSchema,
} from '@tandem/server/schemas/modules/profiles/profile-schema';
import type { findPeople as findPeopleService } from '@tandem/server/schemas/modules/profiles/profile-service';
import type { SkillSchema } from '@tandem/server/schemas/modules/skills/skill-schemas';
import { api } from './api-client.js';

export type { Preferences } from './me.js';
export { readPreferences, savePreferences } from './me.js';

export type Profile = Static<typeof ProfileSchema>;
export type AvailabilityWindow = Static<typeof AvailabilityWindowSchema>;
export type MeetingFormat = Profile['format'];
export type Skill = Static<typeof SkillSchema>;
/** A colleague as the people search finds them (the route's schema is not exported). */
export type Person = Awaited<ReturnType<typeof findPeopleService>>[number];

/** My reusable profile: every enrolment starts from it and saves back to it. */
export const readProfile = (signal?: AbortSignal) =>
  api<Profile>('/api/me/profile', signal ? { signal } : {});

export const saveProfile = (profile: Profile) =>
  api<Profile>('/api/me/profile', { method: 'PUT', body: profile });

/** The organisation's active skills, labelled in German and English. */
export const listSkills = (signal?: AbortSignal) =>
  api<Skill[]>('/api/skills', signal ? { signal } : {});

/** Colleagues by part of their name or department (at least two characters). */
export const findPeople = (query: string, signal?: AbortSignal) =>
  api<Person[]>('/api/people', { query: { query }, ...(signal ? { signal } : {}) });

export const WEBHOOK = 'webhook';

/** A profile for someone with none yet, like the server's. */
export const emptyProfile = (): Profile => ({
  skillsOffered: [],
  skillsWanted: [],
  tags: [],
  languages: ['de'],
  format: 'both',
  availability: [],
  goals: [],
  excludedPersonIds: [],
});
