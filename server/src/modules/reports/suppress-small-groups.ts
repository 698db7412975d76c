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
  /**
   * In an `averages` dataset: how many responses stand behind each cell (the change: the
   * fewer of before and after). Each cell is judged on its own.
   */
  sizes?: number[];
  /**
   * The pairs behind the row, where one pair can stand behind several rows (its goals at
   * different levels): withheld rows must stand for the threshold in distinct pairs together.
   * Never leaves the server.
   */
  members?: readonly string[];
}

/** A dataset as aggregated by SQL, before anything is withheld. */
export interface RawDataset {
  id: DatasetId;
  dimension: string;
  measures: string[];
  kind: 'partition' | 'series' | 'averages';
  rows: RawRow[];
  /**
   * The population a partition splits; for a series, the sum of its rows (held of planned
   * overall), with a part like theirs; null for averages.
   */
  total: RawRow | null;
  /** A partition of ratings 1–5 by row key: the average rating of the whole population. */
  average?: number;
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
 *   Where one pair can stand behind several rows (`members`: goals by level), "together"
 *   counts distinct pairs, not the sum of the rows' sizes.
 * - A partition's average rating (`average`) is withheld with its total, and also
 *   (`complementary`) whenever any row is: the average and the rows shown would otherwise
 *   let one solve for the withheld rows.
 * - In a series row, a part (held) is withheld when it or its rest (planned but not held)
 *   is a small group, since the total (planned) is shown. The series' total (overall
 *   planned and held) is judged like a row, and then each of its cells is withheld
 *   (`complementary`) when that cell is withheld in any row: the total minus the rows shown
 *   would give it away.
 * - In `averages`, each cell stands alone (an average over the responses behind it, no
 *   counts shown, no total): it is withheld when fewer than `minGroupSize` responses stand
 *   behind it (`sizes`, none counts as fewer). A change (after − before) has the fewer of
 *   its two sides behind it, so it is withheld whenever either side is.
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
        ? withholdAll(raw, 'complementary')
        : raw.kind === 'series'
          ? suppressSeries(raw, minGroupSize)
          : raw.kind === 'averages'
            ? suppressAverages(raw, minGroupSize)
            : suppressPartition(raw, minGroupSize),
    );
  }
  return [...done.values()];
}

/**
 * Which parts of a partition to withhold, by index: those under the threshold, and then the
 * smallest others until at least two are withheld that stand for the threshold together.
 *
 * @param together how many stand behind a set of parts; by default the sum of their sizes
 *   (pass the count of distinct members where one can stand behind several parts).
 */
export function withheldParts(
  sizes: readonly number[],
  minGroupSize: number,
  together: (parts: ReadonlySet<number>) => number = (parts) =>
    [...parts].reduce((total, index) => total + (sizes[index] ?? 0), 0),
): Set<number> {
  const withheld = new Set(
    sizes.flatMap((size, index) => (size > 0 && size < minGroupSize ? [index] : [])),
  );
  if (withheld.size === 0) return withheld;
  const rest = sizes
    .map((size, index) => ({ size, index }))
    .filter(({ size, index }) => size > 0 && !withheld.has(index))
    .sort((a, b) => a.size - b.size);
  for (const next of rest) {
    if (withheld.size >= 2 && together(withheld) >= minGroupSize) break;
    withheld.add(next.index);
  }
  return withheld;
}

function suppressPartition(raw: RawDataset, minGroupSize: number): ReportDataset {
  if (raw.total && raw.total.size > 0 && raw.total.size < minGroupSize)
    return withholdAll(raw, 'small-group');
  const withheld = withheldParts(
    raw.rows.map((row) => row.size),
    minGroupSize,
    raw.rows.some((row) => row.members) ? distinctMembers(raw.rows) : undefined,
  );
  const rows = raw.rows.map((row, index) =>
    withheld.has(index)
      ? withheldRow(row, row.size < minGroupSize ? 'small-group' : 'complementary')
      : shownRow(row),
  );
  const average: ReportCell | null =
    raw.average === undefined
      ? null
      : withheld.size > 0
        ? { value: null, suppressed: 'complementary' }
        : { value: raw.average, suppressed: null };
  return dataset(raw, rows, raw.total && shownRow(raw.total), average);
}

/** How many distinct members stand behind a set of rows. */
function distinctMembers(rows: readonly RawRow[]) {
  return (parts: ReadonlySet<number>) =>
    new Set([...parts].flatMap((index) => rows[index]?.members ?? [])).size;
}

function suppressSeries(raw: RawDataset, minGroupSize: number): ReportDataset {
  const rows = raw.rows.map((row) => seriesRow(row, minGroupSize));
  if (!raw.total) return dataset(raw, rows, null);
  const total = seriesRow(raw.total, minGroupSize);
  const cells = total.cells.map((cell, index): ReportCell => {
    if (cell.suppressed || !rows.some((row) => row.cells[index]?.suppressed)) return cell;
    return { value: null, suppressed: 'complementary' };
  });
  return dataset(raw, rows, { ...total, cells });
}

function seriesRow(row: RawRow, minGroupSize: number): ReportRow {
  const small = (size: number) => size > 0 && size < minGroupSize;
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
}

function suppressAverages(raw: RawDataset, minGroupSize: number): ReportDataset {
  const rows = raw.rows.map((row) => ({
    ...shownRow(row),
    cells: row.values.map(
      (value, cell): ReportCell =>
        (row.sizes?.[cell] ?? 0) < minGroupSize
          ? { value: null, suppressed: 'small-group' }
          : { value, suppressed: null },
    ),
  }));
  return dataset(raw, rows, null);
}

function withholdAll(raw: RawDataset, why: Suppression): ReportDataset {
  return dataset(
    raw,
    raw.rows.map((row) => withheldRow(row, why)),
    raw.total && withheldRow(raw.total, why),
    raw.average === undefined ? null : { value: null, suppressed: why },
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

function dataset(
  raw: RawDataset,
  rows: ReportRow[],
  total: ReportRow | null,
  average: ReportCell | null = null,
): ReportDataset {
  const cells = [
    ...[...rows, ...(total ? [total] : [])].flatMap((row) => row.cells),
    ...(average ? [average] : []),
  ];
  return {
    id: raw.id,
    titleKey: `reports.${raw.id}`,
    dimension: raw.dimension,
    measures: raw.measures,
    kind: raw.kind,
    rows,
    total,
    average,
    suppressed: cells.filter((cell) => cell.suppressed).length,
  };
}
