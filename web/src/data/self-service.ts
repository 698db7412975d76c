import type { Static } from '@sinclair/typebox';
import type {
  SuggestionSchema,
  TandemRequestSchema,
} from '@tandem/server/schemas/modules/self-service/self-service-schemas';
import { api } from './api-client.js';

export type Suggestion = Static<typeof SuggestionSchema>;
export type SuggestionCriterion = Suggestion['criteria'][number];
export type TandemRequest = Static<typeof TandemRequestSchema>;
export type RequestState = TandemRequest['state'];

const programmePath = (programmeId: string) => `/api/programmes/${encodeURIComponent(programmeId)}`;
const requestPath = (requestId: string) => `/api/requests/${encodeURIComponent(requestId)}`;

/** The best partners for me in a self-service programme, with the strategy's reasons. */
export const listSuggestions = (programmeId: string, signal?: AbortSignal) =>
  api<Suggestion[]>(`${programmePath(programmeId)}/suggestions`, signal ? { signal } : {});

/** My requests in the programme, sent and received, newest first. */
export const listRequests = (programmeId: string, signal?: AbortSignal) =>
  api<TandemRequest[]>(`${programmePath(programmeId)}/requests`, signal ? { signal } : {});

/** Asks a suggested person (their enrolment) to be my tandem, with an optional note. */
export const sendRequest = (programmeId: string, to: string, message: string) =>
  api<TandemRequest>(`${programmePath(programmeId)}/requests`, {
    method: 'POST',
    body: message.trim() ? { to, message: message.trim() } : { to },
  });

/** Answers a request made to me; accepting makes us a tandem (`pairId`). */
export const answerRequest = (requestId: string, accept: boolean) =>
  api<TandemRequest>(`${requestPath(requestId)}/${accept ? 'accept' : 'decline'}`, {
    method: 'POST',
  });

/** Takes back a request of mine that is still waiting. */
export const withdrawRequest = (requestId: string) =>
  api<TandemRequest>(`${requestPath(requestId)}/withdraw`, { method: 'POST' });
