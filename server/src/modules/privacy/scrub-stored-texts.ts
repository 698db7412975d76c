import type { EntityManager } from '@mikro-orm/postgresql';
import type { Replacement } from './identifying-values.js';
import { type StoredForm, scrubStoredText } from './stored-text.js';

interface TextColumn {
  table_schema: string;
  table_name: string;
  column_name: string;
  data_type: string;
}

/**
 * Every text and JSON column of every table in every schema, from the catalogue, so a new table
 * is covered without anyone listing it; but the person's own row (anonymised apart), the audit
 * (which refuses every change but its own forgetting) and the applied migrations.
 */
const TEXT_COLUMNS = `
SELECT c.table_schema, c.table_name, c.column_name, c.data_type
  FROM information_schema.columns c
  JOIN information_schema.tables t USING (table_schema, table_name)
 WHERE t.table_type = 'BASE TABLE'
   AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
   AND c.data_type IN ('text', 'character varying', 'json', 'jsonb')
   AND NOT (c.table_schema = current_schema()
            AND c.table_name IN ('app_user', 'audit_event', 'mikro_orm_migrations'))
 ORDER BY c.table_schema, c.table_name, c.ordinal_position`;

/**
 * Folded lines, raw or escaped inside JSON, joined for the rough search that finds the rows
 * worth reading: iCalendar may fold a line inside a name.
 */
const FOLD = String.raw`(\r?\n|(\\+r)?\\+n)[ \t]`;

/**
 * Replaces the person's identifying values in every stored text but their own row's and the
 * audit's, as its readers read it (see stored-text.ts): PostgreSQL finds the rows that may
 * name them, every piece of each value somewhere in the unfolded text in any case, and each
 * such row is read, scrubbed and written back, locked meanwhile.
 */
export async function scrubStoredTexts(
  tx: EntityManager,
  replacements: readonly Replacement[],
): Promise<void> {
  const columns = await tx.execute<TextColumn[]>(TEXT_COLUMNS);
  for (const table of groupByTable(columns)) await scrubTable(tx, table, replacements);
}

async function scrubTable(
  tx: EntityManager,
  columns: readonly TextColumn[],
  replacements: readonly Replacement[],
): Promise<void> {
  const [first] = columns;
  if (!first) return;
  const table = `${quoted(first.table_schema)}.${quoted(first.table_name)}`;
  const search = columns.flatMap(({ column_name }) =>
    replacements.flatMap(({ value }) => mayContain(`u.${quoted(column_name)}`, value)),
  );
  if (search.length === 0) return;
  // Each column unfolded and lower-cased once per row, for every value's pieces to look in.
  const unfolded = columns.map(
    ({ column_name }) =>
      `lower(regexp_replace(t.${quoted(column_name)}::text, ?, '', 'g')) AS ${quoted(column_name)}`,
  );
  const rows = await tx.execute<Record<string, string | null>[]>(
    `SELECT t.ctid::text AS "row ctid", ${columns.map(({ column_name }) => `t.${quoted(column_name)}::text`).join(', ')}
       FROM ${table} t CROSS JOIN LATERAL (SELECT ${unfolded.join(', ')}) AS u
      WHERE ${search.map(({ sql }) => sql).join(' OR ')} FOR UPDATE OF t`,
    [...columns.map(() => FOLD), ...search.flatMap(({ values }) => values)],
  );
  for (const row of rows) {
    const changes = columns.flatMap(({ column_name, data_type }) => {
      const before = row[column_name];
      if (before === null || before === undefined) return [];
      const after = scrubStoredText(before, replacements, formOf(data_type));
      return after === before ? [] : [{ column_name, data_type, after }];
    });
    if (changes.length === 0) continue;
    await tx.execute(
      `UPDATE ${table} SET ${changes.map(({ column_name, data_type }) => `${quoted(column_name)} = ?::${data_type === 'character varying' ? 'text' : data_type}`).join(', ')}
        WHERE ctid = ?::tid`,
      [...changes.map(({ after }) => after), row['row ctid']],
    );
  }
}

/**
 * A condition true for every row whose column may hold the value in some stored form: each
 * piece of it between white space and the characters JSON or iCalendar escape appears, in any
 * case, in the column's unfolded, lower-cased text (`unfolded`).
 */
function mayContain(unfolded: string, value: string): { sql: string; values: string[] } | [] {
  const pieces = value.split(/[\s\\",;]+/).filter((piece) => piece !== '');
  if (pieces.length === 0) return [];
  return {
    sql: `(${pieces.map(() => `strpos(${unfolded}, lower(?)) > 0`).join(' AND ')})`,
    values: pieces,
  };
}

function groupByTable(columns: readonly TextColumn[]): TextColumn[][] {
  const tables = new Map<string, TextColumn[]>();
  for (const column of columns) {
    const key = `${column.table_schema}.${column.table_name}`;
    tables.set(key, [...(tables.get(key) ?? []), column]);
  }
  return [...tables.values()];
}

function formOf(dataType: string): StoredForm {
  return dataType.startsWith('json') ? 'json' : 'text';
}

function quoted(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
