import type { Static } from '@sinclair/typebox';
import type {
  DissolveReasonSchema,
  MatchReviewSchema,
  ReviewedMatchSchema,
  ReviewMatchesQuerySchema,
  ReviewMatchListSchema,
  ReviewPageQuerySchema,
} from '@tandem/server/schemas/modules/matching/match-review-schemas';
import type { MatchingRunSchema } from '@tandem/server/schemas/modules/matching/matching-run-schemas';
import type { QuietPairSchema } from '@tandem/server/schemas/modules/pairs/quiet-pair-schemas';
import type { ProgrammeSchema } from '@tandem/server/schemas/modules/programmes/programme-schemas';
import { api } from './api-client.js';

export type MatchingRun = Static<typeof MatchingRunSchema>;
export type MatchReview = Static<typeof MatchReviewSchema>;
export type ReviewedMatch = Static<typeof ReviewedMatchSchema>;
export type UnmatchedPerson = MatchReview['unmatched'][number];
/** Which list of matches, which page of it and of the unmatched people a review answer holds. */
export type ReviewPage = Static<typeof ReviewPageQuerySchema>;
/** One page of one list of matches alone: the published, the dissolved, or a search by name. */
export type ReviewMatchList = Static<typeof ReviewMatchListSchema>;
export type ReviewMatchesQuery = Static<typeof ReviewMatchesQuerySchema>;

const id = (value: string) => encodeURIComponent(value);

/** The page as a query: every route that answers with the review answers with this page. */
const at = (page: ReviewPage) =>
  `?${new URLSearchParams(Object.entries(page).map(([key, value]) => [key, String(value)]))}`;

export const readReview = (programmeId: string, page: ReviewPage, signal?: AbortSignal) =>
  api<MatchReview>(
    `/api/admin/programmes/${id(programmeId)}/review${at(page)}`,
    signal ? { signal } : {},
  );

export const readReviewMatches = (
  programmeId: string,
  query: ReviewMatchesQuery,
  signal?: AbortSignal,
) =>
  api<ReviewMatchList>(`/api/admin/programmes/${id(programmeId)}/review/matches`, {
    query: { ...query },
    ...(signal ? { signal } : {}),
  });

export const startMatchingRun = (programmeId: string) =>
  api<MatchingRun>(`/api/admin/programmes/${id(programmeId)}/matching-runs`, { method: 'POST' });

export const readMatchingRun = (runId: string) =>
  api<MatchingRun>(`/api/admin/matching-runs/${id(runId)}`);

export const pinMatch = (matchId: string, pinned: boolean, page: ReviewPage) =>
  api<MatchReview>(`/api/admin/matches/${id(matchId)}/pin${at(page)}`, {
    method: pinned ? 'POST' : 'DELETE',
  });

export const unmatch = (matchId: string, page: ReviewPage) =>
  api<MatchReview>(`/api/admin/matches/${id(matchId)}${at(page)}`, { method: 'DELETE' });

export const forbidPair = (programmeId: string, enrolmentIds: [string, string], page: ReviewPage) =>
  api<MatchReview>(`/api/admin/programmes/${id(programmeId)}/forbids${at(page)}`, {
    method: 'POST',
    body: { enrolmentIds },
  });

/** Exchanges the partners of the two named people (each from a different pair). */
export const swapPartners = (
  programmeId: string,
  enrolmentIds: [string, string],
  page: ReviewPage,
) =>
  api<MatchReview>(`/api/admin/programmes/${id(programmeId)}/swaps${at(page)}`, {
    method: 'POST',
    body: { enrolmentIds },
  });

export const publishMatches = (programmeId: string, page: ReviewPage) =>
  api<MatchReview>(`/api/admin/programmes/${id(programmeId)}/publish${at(page)}`, {
    method: 'POST',
  });

export type Programme = Static<typeof ProgrammeSchema>;

/** The programme's name and state, for the review's heading and what it allows. */
export const readProgramme = (programmeId: string, signal?: AbortSignal) =>
  api<Programme>(`/api/admin/programmes/${id(programmeId)}`, signal ? { signal } : {});

export type QuietPair = Static<typeof QuietPairSchema>;
export type DissolveReason = Static<typeof DissolveReasonSchema>;
export type Forbid = MatchReview['forbids'][number];

/** Lets two people an admin forbade be paired again; a pair it removed is not brought back. */
export const unforbidPair = (forbidId: string, page: ReviewPage) =>
  api<MatchReview>(`/api/admin/forbids/${id(forbidId)}${at(page)}`, { method: 'DELETE' });

/** Pairs people by hand (each on the side they enrolled for); the strategy scores the pair. */
export const pairByHand = (
  programmeId: string,
  members: { enrolmentId: string; role: ReviewedMatch['members'][number]['role'] }[],
  pinned: boolean,
  page: ReviewPage,
) =>
  api<MatchReview>(`/api/admin/programmes/${id(programmeId)}/matches${at(page)}`, {
    method: 'POST',
    body: { members, pinned },
  });

/** Dissolves a published pair; the reason stays with admins, the members are told kindly. */
export const dissolveMatch = (matchId: string, reasonCode: DissolveReason) =>
  api<null>(`/api/admin/matches/${id(matchId)}/dissolve`, {
    method: 'POST',
    body: { reasonCode },
  });

export const readQuietPairs = (programmeId: string, signal?: AbortSignal) =>
  api<QuietPair[]>(
    `/api/admin/programmes/${id(programmeId)}/quiet-pairs`,
    signal ? { signal } : {},
  );
