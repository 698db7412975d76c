import type { Static } from '@sinclair/typebox';
import type {
  CurriculumPreviewSchema,
  CurriculumTemplateSchema,
} from '@tandem/server/schemas/modules/curricula/curriculum-schemas';
import { api } from './api-client.js';

export type CurriculumTemplate = Static<typeof CurriculumTemplateSchema>;
export type CurriculumPreview = Static<typeof CurriculumPreviewSchema>;
export type SessionPlan = CurriculumPreview['sessions'][number];

export const listCurricula = (signal?: AbortSignal) =>
  api<CurriculumTemplate[]>('/api/admin/curricula', signal ? { signal } : {});

export const previewCurriculum = (
  name: string,
  query: { locale: CurriculumPreview['locale']; kind: CurriculumPreview['kind'] },
  signal?: AbortSignal,
) =>
  api<CurriculumPreview>(`/api/admin/curricula/${encodeURIComponent(name)}/preview`, {
    query,
    ...(signal ? { signal } : {}),
  });
