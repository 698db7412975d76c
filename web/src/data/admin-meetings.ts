import type { Static } from '@sinclair/typebox';
import type {
  ProgrammeMeetingFilterSchema,
  ProgrammeMeetingSchema,
} from '@tandem/server/schemas/modules/meetings/meeting-schemas';
import { api } from './api-client.js';

export type ProgrammeMeeting = Static<typeof ProgrammeMeetingSchema>;
export type ProgrammeMeetingFilter = Static<typeof ProgrammeMeetingFilterSchema>;
export type MeetingState = ProgrammeMeeting['state'];

export const MEETING_STATES: readonly MeetingState[] = ['planned', 'held', 'cancelled'];

export const readProgrammeMeetings = (
  programmeId: string,
  filter: ProgrammeMeetingFilter,
  signal?: AbortSignal,
) =>
  api<ProgrammeMeeting[]>(`/api/admin/programmes/${encodeURIComponent(programmeId)}/meetings`, {
    query: { ...filter },
    ...(signal ? { signal } : {}),
  });
