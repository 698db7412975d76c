import type { EntityManager } from '@mikro-orm/postgresql';
import { Type } from '@sinclair/typebox';
import {
  type Curriculum,
  type GlossaryEntry,
  GlossaryEntrySchema,
  type Locale,
  type ProgrammeKind,
  type SessionPlan,
  SessionPlanSchema,
} from '@tandem/plugin-sdk';
import type { Log } from '../../logger.js';
import { invokePlugin } from '../../plugin-host/invoke-plugin.js';
import { pluginContext } from '../../plugin-host/plugin-context.js';
import type { ActivePlugin, PluginRegistry } from '../../plugin-host/plugin-registry.js';
import { ServiceError } from '../../service-error.js';
import type { CurriculumPreview, CurriculumTemplate } from './curriculum-schemas.js';

/** A curriculum answers from data; a few seconds is generous even for one that computes. */
export const CURRICULUM_TIME_LIMIT_MS = 5000;

export interface CurriculumDependencies {
  em: EntityManager;
  plugins: PluginRegistry;
  log: Log;
}

/** The template gallery: every active curriculum with what a programme made from it starts with. */
export function listCurricula(plugins: PluginRegistry): CurriculumTemplate[] {
  return plugins.list('curriculum').map(({ definition }) => ({
    name: definition.name,
    version: definition.version,
    title: definition.title,
    description: definition.description,
    kinds: [...definition.kinds],
    defaults: definition.defaults,
    hasGlossary: typeof definition.glossary === 'function',
  }));
}

/**
 * A curriculum's sessions (and glossary, if it has one) as a programme of the given kind would
 * get them, for the admin choosing a template. Goes through the plugin call guard: a slow or
 * out-of-contract curriculum gives an error, never a half-valid plan.
 *
 * @throws ServiceError not-found for an unknown curriculum, invalid for a kind it does not suit.
 */
export async function previewCurriculum(
  deps: CurriculumDependencies,
  name: string,
  locale: Locale,
  kind?: ProgrammeKind,
): Promise<CurriculumPreview> {
  const curriculum = deps.plugins.get('curriculum', name);
  if (!curriculum)
    throw new ServiceError('not-found', `There is no active curriculum named ${name}.`);
  const chosen = kind ?? curriculum.definition.kinds[0];
  if (!chosen || !curriculum.definition.kinds.includes(chosen))
    throw new ServiceError('invalid', `The curriculum ${name} is not for ${kind}.`);
  const programme = { id: 'preview', kind: chosen, goals: [], language: locale };
  const sessions = await call<SessionPlan[]>(
    deps,
    curriculum,
    'sessions',
    SessionPlanSchema,
    (d, ctx) => d.sessions(locale, programme, ctx),
  );
  return {
    name,
    kind: chosen,
    locale,
    sessions,
    glossary: await glossaryOf(deps, curriculum, locale),
  };
}

/** A curriculum's glossary in one language, or none when it has no glossary. */
export async function glossaryOf(
  deps: CurriculumDependencies,
  curriculum: ActivePlugin<'curriculum'>,
  locale: Locale,
): Promise<GlossaryEntry[]> {
  const { glossary } = curriculum.definition;
  if (!glossary) return [];
  return call<GlossaryEntry[]>(deps, curriculum, 'glossary', GlossaryEntrySchema, (_d, ctx) =>
    glossary(locale, ctx),
  );
}

function call<T>(
  { em, log }: CurriculumDependencies,
  { definition, config }: ActivePlugin<'curriculum'>,
  operation: string,
  item: typeof SessionPlanSchema | typeof GlossaryEntrySchema,
  run: (definition: Curriculum, ctx: ReturnType<typeof pluginContext>) => unknown,
): Promise<T> {
  const ctx = pluginContext({ name: definition.name, config }, { em, log });
  return invokePlugin<T>({
    plugin: definition.name,
    operation,
    timeoutMs: CURRICULUM_TIME_LIMIT_MS,
    output: Type.Array(item),
    call: () => run(definition, ctx),
  });
}
