import type { Static } from '@sinclair/typebox';
import type {
  NoteSchema,
  QuestionSchema,
} from '@tandem/server/schemas/modules/pairs/pair-journal-routes';
import type { PairSchema } from '@tandem/server/schemas/modules/pairs/pair-schemas';
import { api } from './api-client.js';
import type { CurriculumPreview } from './curricula.js';

export type Pair = Static<typeof PairSchema>;
export type PairSession = Pair['sessions'][number];
export type SessionStatus = PairSession['status'];
export type PairRole = Pair['myRole'];
export type SessionFeedback = NonNullable<PairSession['myFeedback']>;
export type PairNote = Static<typeof NoteSchema>;
export type PairQuestion = Static<typeof QuestionSchema>;
/** A term of the pair's glossary, as the curriculum preview shows it too. */
export type GlossaryEntry = CurriculumPreview['glossary'][number];

const pairPath = (pairId: string) => `/api/pairs/${encodeURIComponent(pairId)}`;
const sessionPath = (pairId: string, sessionId: string) =>
  `${pairPath(pairId)}/sessions/${encodeURIComponent(sessionId)}`;

export const listMyPairs = (signal?: AbortSignal) =>
  api<Pair[]>('/api/pairs', signal ? { signal } : {});

export const readPair = (pairId: string, signal?: AbortSignal) =>
  api<Pair>(pairPath(pairId), signal ? { signal } : {});

/** "We go on": the pair was asked after weeks without a session and continues. */
export const continuePair = (pairId: string) =>
  api<Pair>(`${pairPath(pairId)}/continue`, { method: 'POST' });

export const setSessionStatus = (pairId: string, sessionId: string, status: SessionStatus) =>
  api<Pair>(sessionPath(pairId, sessionId), { method: 'PATCH', body: { status } });

/** Ticks off (or un-ticks) a homework task of my own side. */
export const tickHomework = (pairId: string, sessionId: string, index: number, done: boolean) =>
  api<Pair>(`${sessionPath(pairId, sessionId)}/homework/${index}`, {
    method: 'PATCH',
    body: { done },
  });

/** My feedback on a session; not even the partner sees it. */
export const giveFeedback = (
  pairId: string,
  sessionId: string,
  feedback: { rating: number; comment?: string },
) =>
  api<SessionFeedback>(`${sessionPath(pairId, sessionId)}/feedback`, {
    method: 'PUT',
    body: feedback,
  });

export const listNotes = (pairId: string, signal?: AbortSignal) =>
  api<PairNote[]>(`${pairPath(pairId)}/notes`, signal ? { signal } : {});

export const addNote = (pairId: string, body: string) =>
  api<PairNote>(`${pairPath(pairId)}/notes`, { method: 'POST', body: { body } });

export const changeNote = (pairId: string, noteId: string, body: string) =>
  api<PairNote>(`${pairPath(pairId)}/notes/${encodeURIComponent(noteId)}`, {
    method: 'PATCH',
    body: { body },
  });

export const deleteNote = (pairId: string, noteId: string) =>
  api<void>(`${pairPath(pairId)}/notes/${encodeURIComponent(noteId)}`, { method: 'DELETE' });

/** "This doesn't fit": dissolves the pair; the reason is seen by admins only. */
export const reportMismatch = (pairId: string, reason: string) =>
  api<void>(`${pairPath(pairId)}/mismatch`, {
    method: 'POST',
    body: reason.trim() ? { reason: reason.trim() } : {},
  });

/** The pair's question list: open questions first. */
export const listQuestions = (pairId: string, signal?: AbortSignal) =>
  api<PairQuestion[]>(`${pairPath(pairId)}/questions`, signal ? { signal } : {});

export const addQuestion = (pairId: string, text: string) =>
  api<PairQuestion>(`${pairPath(pairId)}/questions`, { method: 'POST', body: { text } });

/** Rewords a question (its author only) or marks it answered or open (either partner). */
export const changeQuestion = (
  pairId: string,
  questionId: string,
  change: { text?: string; answered?: boolean },
) =>
  api<PairQuestion>(`${pairPath(pairId)}/questions/${encodeURIComponent(questionId)}`, {
    method: 'PATCH',
    body: change,
  });

export const deleteQuestion = (pairId: string, questionId: string) =>
  api<void>(`${pairPath(pairId)}/questions/${encodeURIComponent(questionId)}`, {
    method: 'DELETE',
  });

/** The glossary of the pair's curriculum in the pair's language; empty when it has none. */
export const readGlossary = (pairId: string, signal?: AbortSignal) =>
  api<GlossaryEntry[]>(`${pairPath(pairId)}/glossary`, signal ? { signal } : {});

/** Adds a session of the pair's own after `after`, or at the end. */
export const addSession = (
  pairId: string,
  session: { title: string; goal?: string; after?: string },
) => api<Pair>(`${pairPath(pairId)}/sessions`, { method: 'POST', body: session });

/** Puts the pair's sessions in this order (every session once). */
export const reorderSessions = (pairId: string, sessionIds: string[]) =>
  api<Pair>(`${pairPath(pairId)}/sessions/order`, { method: 'PUT', body: { sessionIds } });

/** Rewrites my own side of a session's homework. */
export const writeHomework = (pairId: string, sessionId: string, items: string[]) =>
  api<Pair>(`${sessionPath(pairId, sessionId)}/homework`, { method: 'PUT', body: { items } });
