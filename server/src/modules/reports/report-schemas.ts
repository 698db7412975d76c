import { type Static, Type } from '@sinclair/typebox';

/** Every dataset a programme report holds, in the order the page shows them. */
export const DATASET_IDS = [
  'participation',
  'unmatched-reasons',
  'sessions',
  'feedback',
  'rematches',
  'retention',
  'departments',
  'generations',
  'roles',
  'competence',
  'programme-goals',
  'satisfaction',
  'recommendation',
  'goal-attainment',
] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

export const DatasetIdSchema = Type.Union(
  DATASET_IDS.map((id) => Type.Literal(id)),
  { description: 'Which dataset of the report.' },
);

/**
 * Why a figure is withheld: `small-group` — fewer people (or pairs) than the threshold stand
 * behind it; `complementary` — it is large enough, but showing it would let one work out a
 * small group from a total.
 */
export const SuppressionSchema = Type.Union([
  Type.Literal('small-group'),
  Type.Literal('complementary'),
  Type.Null(),
]);

export const ReportCellSchema = Type.Object({
  /** Null exactly when suppressed. */
  value: Type.Union([Type.Number(), Type.Null()]),
  suppressed: SuppressionSchema,
});
export type ReportCell = Static<typeof ReportCellSchema>;

export const ReportRowSchema = Type.Object({
  /** A stable key: a fixed category (`matched`, `0-5`), a month `YYYY-MM`, or a department. */
  key: Type.String(),
  /** The key as data shows it, for categories the web app has no text for (departments, reasons). */
  label: Type.String(),
  /** One cell per measure of the dataset. */
  cells: Type.Array(ReportCellSchema),
});
export type ReportRow = Static<typeof ReportRowSchema>;

export const ReportDatasetSchema = Type.Object({
  id: DatasetIdSchema,
  /** The web app's message id for the dataset's title. */
  titleKey: Type.String(),
  /**
   * What the rows are: status, reason, month, sessions-held, department, experience, role,
   * competence (a DigComp area), goal (`goal.0`… of the programme's goals), rating (1–5),
   * answer (yes, maybe, no), level (of a pair goal: not-started … reached).
   */
  dimension: Type.String(),
  /**
   * What each cell counts or measures, in cell order: people, pairs, planned, held, average,
   * responses (survey answers), goals, before and after (average self-rating 1–5 at the
   * start and at the end), change (after − before).
   */
  measures: Type.Array(Type.String()),
  /**
   * `partition`: rows split one population, whose total is `total`; `series`: rows over
   * time, `total` their sum or null; `averages`: each row stands alone, no total.
   */
  kind: Type.Union([Type.Literal('partition'), Type.Literal('series'), Type.Literal('averages')]),
  rows: Type.Array(ReportRowSchema),
  total: Type.Union([ReportRowSchema, Type.Null()]),
  /** A partition of ratings 1–5: the average rating over all of it; null for other datasets. */
  average: Type.Union([ReportCellSchema, Type.Null()]),
  /** How many cells (the total's and the average's included) are withheld. */
  suppressed: Type.Integer({ minimum: 0 }),
});
export type ReportDataset = Static<typeof ReportDatasetSchema>;

/** A programme's report for HR: aggregates only, small groups withheld. */
export const ProgrammeReportSchema = Type.Object({
  programme: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }),
  /** Groups smaller than this are never shown (REPORT_MIN_GROUP_SIZE). */
  minGroupSize: Type.Integer({ minimum: 2 }),
  datasets: Type.Array(ReportDatasetSchema),
});
export type ProgrammeReport = Static<typeof ProgrammeReportSchema>;

export const ReportDatasetParamsSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  dataset: DatasetIdSchema,
});

export const FreeTextQuestionSchema = Type.Object({
  /** `changed`, `midterm.improve`, or an admin's `custom.<slug>`. */
  id: Type.String(),
  survey: Type.Union([Type.Literal('baseline'), Type.Literal('midterm'), Type.Literal('end')]),
  /** The admin's wording of a custom question; null for the built-in ones the app words. */
  text: Type.Union([Type.String(), Type.Null()]),
  /**
   * `shown`: the answers follow; `not-allowed`: the programme does not show free text;
   * `too-few`: fewer than the threshold answered (how many is not said).
   */
  status: Type.Union([Type.Literal('shown'), Type.Literal('not-allowed'), Type.Literal('too-few')]),
  /** In random order; no ids, names or times. Empty unless shown. */
  answers: Type.Array(Type.String()),
});
export type FreeTextQuestion = Static<typeof FreeTextQuestionSchema>;

/** A programme's free-text survey answers, as far as they may be shown. */
export const FreeTextAnswersSchema = Type.Object({
  minGroupSize: Type.Integer({ minimum: 2 }),
  /** Whether the programme lets its report show free text (settings.surveys.showFreeText). */
  allowed: Type.Boolean(),
  questions: Type.Array(FreeTextQuestionSchema),
});
export type FreeTextAnswers = Static<typeof FreeTextAnswersSchema>;
