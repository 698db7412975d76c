/**
 * `@tandem/plugin-sdk`: the one package a Tandem plugin imports. It holds the contracts
 * between the server (the host) and its plugins as TypeBox schemas with the types derived from
 * them, and the helpers `defineMatchingStrategy`, `defineCurriculum` and
 * `defineNotificationChannel` whose result a plugin package exports as its default.
 *
 * @packageDocumentation
 */

// TypeBox, for configSchema: a plugin imports it from here and needs no dependency of its own.
export { type Static, type TSchema, Type } from '@sinclair/typebox';
export { PLUGIN_BRAND, type PluginBrand, pluginKind } from './brand.js';
export {
  type Locale,
  LocaleSchema,
  type Localized,
  LocalizedSchema,
  PLUGIN_KINDS,
  type PluginKind,
  PluginKindSchema,
  type ProgrammeKind,
  ProgrammeKindSchema,
} from './common.js';
export type {
  JsonValue,
  KeyValueStore,
  KeyValueStoreSetOptions,
  PluginContext,
  PluginLogger,
} from './context.js';
export {
  type Curriculum,
  type CurriculumDefinition,
  type CurriculumProgramme,
  CurriculumProgrammeSchema,
  defineCurriculum,
  type GlossaryEntry,
  GlossaryEntrySchema,
  type Milestone,
  MilestoneSchema,
  type ProgrammeDefaults,
  ProgrammeDefaultsSchema,
  type SessionPlan,
  SessionPlanSchema,
} from './curriculum.js';
export {
  type ConfigOf,
  type ConfigSchema,
  type JsonSchemaObject,
  PLUGIN_NAME_PATTERN,
  type PluginDefinitionBase,
  type PluginMetadata,
  PluginMetadataSchema,
  PluginNameSchema,
} from './definition.js';
export { rememberDelivered, wasDelivered } from './delivered-keys.js';
export { matchProposalProblem } from './match-proposal-problem.js';
export {
  defineMatchingStrategy,
  type ExplanationParams,
  ExplanationParamsSchema,
  type MatchCandidate,
  MatchCandidateSchema,
  type MatchInput,
  MatchInputSchema,
  type MatchingStrategy,
  type MatchingStrategyDefinition,
  type MatchProposal,
  MatchProposalSchema,
  plannedMeetingMinutes,
  type Suggestions,
  SuggestionsSchema,
} from './matching.js';
export {
  MEETING_RULES,
  type MeetingReason,
  type MeetingRule,
  type MeetingVerdict,
  mayMeet,
} from './meeting-rules.js';
export {
  defineNotificationChannel,
  type NotificationChannel,
  type NotificationChannelDefinition,
  type OutgoingMessage,
  OutgoingMessageSchema,
  type SendResult,
  SendResultSchema,
} from './notification.js';
export { type PlacedMember, withoutPins } from './pins.js';
export type { TandemPlugin } from './plugin.js';
export {
  type ConfigProblem,
  type ResolvedConfig,
  resolvePluginConfig,
} from './plugin-config.js';
export {
  canMeetWeekly,
  commonWeeklyMinutes,
  commonWeekPlan,
  DEFAULT_WINDOWS,
  MEETING_GRID_MINUTES,
  type MinuteRange,
  shareWeeklyStart,
  type WeeklyWindow,
  type WeekPlan,
  weeklyStarts,
} from './weekly-windows.js';
