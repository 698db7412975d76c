import type { DatasetId, ReportCell, ReportDataset, ReportRow } from './report-schemas.js';

/** A row as aggregated, before anything is withheld. */
export interface RawRow {
  key: string;
  label: string;
  /** People (or pairs, as the dataset counts) behind the row: what the threshold applies to. */
  size: number;
  values: number[];
  /**
   * A series row whose cell `cell` is a part of cell 0 (held meetings of planned ones): `size`
   * stands behind the part, `restSize` behind the rest, which subtraction would reveal.
   */
  part?: { cell: number; size: number; restSize: number };
}

/** A dataset as aggregated by SQL, before anything is withheld. */
export interface RawDataset {
  id: DatasetId;
  dimension: string;
  measures: string[];
  kind: 'partition' | 'series';
  rows: RawRow[];
  /** The population a partition splits; null for a series. */
  total: RawRow | null;
  /**
   * The row of an earlier dataset that is this dataset's population (unmatched people, split
   * by reason): when that row is withheld, so is all of this, or its rows would add up to it.
   */
  within?: { dataset: DatasetId; row: string };
}

type Suppression = ReportCell['suppressed'];

/**
 * The one place where small groups are withheld: every dataset of a report goes through here,
 * for the page and the CSV files alike.
 *
 * - A row (or series cell) behind fewer than `minGroupSize` people or pairs is withheld
 *   (`small-group`); so is everything in a partition whose total is that small.
 * - Complementary disclosure: in a partition, rows add up to the total shown (here or in
 *   another dataset with the same population). So withheld rows are never alone: while fewer
 *   than two are withheld, or those withheld stand for fewer than `minGroupSize` together, the
 *   next smallest row is withheld too (`complementary`). The total stays: it is shared across
 *   datasets (enrolled people, pairs), and withholding it in one place would not hide it.
 * - In a series row, a part (held) is withheld when it or its rest (planned but not held)
 *   is a small group, since the total (planned) is shown.
 * - A dataset that splits a row of an earlier one (reasons of the unmatched) is withheld
 *   whole when that row is.
 */
export function suppressSmallGroups(
  datasets: readonly RawDataset[],
  minGroupSize: number,
): ReportDataset[] {
  const done = new Map<DatasetId, ReportDataset>();
  for (const raw of datasets) {
    const parentWithheld = raw.within && isWithheld(done.get(raw.within.dataset), raw.within.row);
    done.set(
      raw.id,
      parentWithheld
        ? withholdAll(raw, () => 'complementary')
        : raw.kind === 'series'
          ? suppressSeries(raw, minGroupSize)
          : suppressPartition(raw, minGroupSize),
    );
  }
  return [...done.values()];
}

/**
 * Which parts of a partition to withhold, by index: those under the threshold, and then the
 * smallest others until at least two are withheld that stand for the threshold together.
 */
export function withheldParts(sizes: readonly number[], minGroupSize: number): Set<number> {
  const withheld = new Set(
    sizes.flatMap((size, index) => (size > 0 && size < minGroupSize ? [index] : [])),
  );
  if (withheld.size === 0) return withheld;
  const rest = sizes
    .map((size, index) => ({ size, index }))
    .filter(({ size, index }) => size > 0 && !withheld.has(index))
    .sort((a, b) => a.size - b.size);
  const sum = () => [...withheld].reduce((total, index) => total + (sizes[index] ?? 0), 0);
  for (const next of rest) {
    if (withheld.size >= 2 && sum() >= minGroupSize) break;
    withheld.add(next.index);
  }
  return withheld;
}

function suppressPartition(raw: RawDataset, minGroupSize: number): ReportDataset {
  if (raw.total && raw.total.size > 0 && raw.total.size < minGroupSize)
    return withholdAll(raw, () => 'small-group');
  const withheld = withheldParts(
    raw.rows.map((row) => row.size),
    minGroupSize,
  );
  const rows = raw.rows.map((row, index) =>
    withheld.has(index)
      ? withheldRow(row, row.size < minGroupSize ? 'small-group' : 'complementary')
      : shownRow(row),
  );
  return dataset(raw, rows, raw.total && shownRow(raw.total));
}

function suppressSeries(raw: RawDataset, minGroupSize: number): ReportDataset {
  const small = (size: number) => size > 0 && size < minGroupSize;
  const rows = raw.rows.map((row) => {
    if (row.size < minGroupSize) return withheldRow(row, 'small-group');
    const part = row.part;
    if (!part || !(small(part.size) || small(part.restSize))) return shownRow(row);
    const why: Suppression = small(part.size) ? 'small-group' : 'complementary';
    return {
      ...shownRow(row),
      cells: row.values.map((value, cell) =>
        cell === part.cell ? { value: null, suppressed: why } : { value, suppressed: null },
      ),
    };
  });
  return dataset(raw, rows, null);
}

function withholdAll(raw: RawDataset, why: (row: RawRow) => Suppression): ReportDataset {
  return dataset(
    raw,
    raw.rows.map((row) => withheldRow(row, why(row))),
    raw.total && withheldRow(raw.total, why(raw.total)),
  );
}

function isWithheld(parent: ReportDataset | undefined, key: string): boolean {
  const row = parent?.rows.find((candidate) => candidate.key === key);
  return Boolean(row?.cells.some((cell) => cell.suppressed));
}

function shownRow(row: RawRow): ReportRow {
  return {
    key: row.key,
    label: row.label,
    cells: row.values.map((value) => ({ value, suppressed: null })),
  };
}

function withheldRow(row: RawRow, why: Suppression): ReportRow {
  return {
    key: row.key,
    label: row.label,
    cells: row.values.map(() => ({ value: null, suppressed: why })),
  };
}

function dataset(raw: RawDataset, rows: ReportRow[], total: ReportRow | null): ReportDataset {
  const cells = [...rows, ...(total ? [total] : [])].flatMap((row) => row.cells);
  return {
    id: raw.id,
    titleKey: `reports.${raw.id}`,
    dimension: raw.dimension,
    measures: raw.measures,
    kind: raw.kind,
    rows,
    total,
    suppressed: cells.filter((cell) => cell.suppressed).length,
  };
}
