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
  /** What the rows are: status, reason, month, sessions-held, department, experience, role. */
  dimension: Type.String(),
  /** What each cell counts or measures, in cell order: people, pairs, planned, held, average. */
  measures: Type.Array(Type.String()),
  /** `partition`: rows split one population, whose total is `total`; `series`: rows over time. */
  kind: Type.Union([Type.Literal('partition'), Type.Literal('series')]),
  rows: Type.Array(ReportRowSchema),
  total: Type.Union([ReportRowSchema, Type.Null()]),
  /** How many cells (the total's included) are withheld. */
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
