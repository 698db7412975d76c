/**
 * `@tandem/plugin-testkit`: what a Tandem plugin author tests a plugin with. A test context
 * (recording log, fixed clock, in-memory store), seeded fixtures of realistic enrolments, and
 * the contract of each plugin kind as checks that run in any test framework:
 * `for (const check of matchingStrategyContract(strategy)) test(check.name, check.run)`.
 *
 * @packageDocumentation
 */

export { type CandidateOptions, candidate } from './candidate.js';
export { type ContractCheck, ContractViolation } from './contract-check.js';
export {
  type CurriculumContractOptions,
  curriculumContract,
  SESSION_MINUTES,
} from './curriculum-contract.js';
export { DIGITAL_SKILLS, ORGANISATION_SKILLS, type Skill } from './enrolment-vocabulary.js';
export {
  DEFAULT_MENTOR_SHARE,
  type GenerateCandidatesOptions,
  generateCandidates,
} from './generate-candidates.js';
export {
  DEFAULT_MATCH_WEIGHTS,
  type GenerateMatchInputOptions,
  generateMatchInput,
} from './generate-match-input.js';
export type { CandidateProfile, CandidateRole } from './generate-profile.js';
export { markersOf, textsOf } from './language-markers.js';
export {
  DEFAULT_CONTRACT_SEED,
  DEFAULT_CONTRACT_SIZES,
  type MatchingStrategyContractOptions,
  matchingStrategyContract,
} from './matching-strategy-contract.js';
export { createMemoryStore, type MemoryStore, type MemoryStoreEntry } from './memory-store.js';
export {
  type FailureScenario,
  type NotificationChannelContractOptions,
  notificationChannelContract,
  type UnreachableTarget,
} from './notification-channel-contract.js';
export {
  type ConfiguredPlugin,
  type PluginConfigInput,
  type PreparedConfig,
  pluginConfig,
  prepareConfig,
} from './plugin-config.js';
export {
  createRecordingLogger,
  type LogEntry,
  type LogLevel,
  type RecordingLogger,
} from './recording-logger.js';
export { type SampleMessageOverrides, sampleMessage } from './sample-message.js';
export { type SeededRandom, seededRandom } from './seeded-random.js';
export { createTestClock, TEST_CLOCK_START, type TestClock } from './test-clock.js';
export {
  createTestContext,
  type EmptyConfig,
  type TestContext,
  type TestContextOptions,
} from './test-context.js';
