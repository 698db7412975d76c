import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@tandem/plugin-sdk';
import { type CsvCell, toCsv } from '../../csv.js';
import { recordAudit } from '../audit/audit-log.js';
import { organisationSettings } from '../organisation/organisation-settings.js';
import type { User } from '../users/user.js';
import { readReportDataset } from './programme-report.js';
import type { DatasetId, ReportCell, ReportRow } from './report-schemas.js';

const TEXTS = {
  de: {
    dimension: {
      status: 'Status',
      reason: 'Grund',
      month: 'Monat',
      outcome: 'Verlauf',
      'sessions-held': 'Gehaltene Sitzungen',
      department: 'Abteilung',
      experience: 'Berufserfahrung (Jahre)',
      role: 'Rolle',
      competence: 'Kompetenzbereich (DigComp)',
      goal: 'Programmziel',
      rating: 'Zufriedenheit (1–5)',
      answer: 'Weiterempfehlung',
      level: 'Stand des Ziels',
    } as Record<string, string>,
    measure: {
      people: 'Personen',
      pairs: 'Tandems',
      planned: 'Geplant',
      held: 'Gehalten',
      average: 'Durchschnittliche Bewertung (1–5)',
      responses: 'Antworten',
      goals: 'Ziele',
      before: 'Vorher (Durchschnitt 1–5)',
      after: 'Nachher (Durchschnitt 1–5)',
      change: 'Veränderung',
    } as Record<string, string>,
    key: {
      matched: 'gematcht',
      unmatched: 'nicht gematcht',
      'after-dissolving': 'nach Auflösung des Tandems',
      'not-yet-matched': 'noch nicht gematcht',
      continued: 'fortgesetzt',
      dissolved: 'aufgelöst',
      unknown: 'unbekannt',
      mentor: 'Mentor:in',
      mentee: 'Mentee',
      either: 'beides',
      'unmatched.full': 'Programm voll',
      'unmatched.nobody-else': 'niemand auf der anderen Seite angemeldet',
      'unmatched.better-fits': 'alle Passenden passen besser zu anderen',
      'unmatched.nobody-fits': 'niemand passt',
      'unmatched.since-run': 'nach dem letzten Matching-Lauf geändert oder angemeldet',
      'unmatched.excluded': 'ausgeschlossen',
      'unmatched.met-before': 'schon mit allen Passenden im Tandem gewesen',
      'unmatched.forbidden': 'von der Administration ausgeschlossen',
      'unmatched.no-language': 'keine gemeinsame Sprache',
      'unmatched.same-department': 'nur dieselbe Abteilung übrig',
      'unmatched.no-common-time': 'keine gemeinsame Zeit',
      'unmatched.no-lunch-partner': 'niemand für das Mittagessen übrig',
      'digcomp.information': 'Informationen suchen und bewerten',
      'digcomp.communication': 'Kommunizieren und zusammenarbeiten',
      'digcomp.content': 'Inhalte erstellen',
      'digcomp.safety': 'Sicherheit',
      'digcomp.problem-solving': 'Probleme lösen',
      yes: 'ja',
      maybe: 'vielleicht',
      no: 'nein',
      'not-started': 'nicht begonnen',
      started: 'begonnen',
      halfway: 'zur Hälfte',
      nearly: 'fast erreicht',
      reached: 'erreicht',
    } as Record<string, string>,
    total: 'Gesamt',
    average: 'Durchschnitt',
    smallGroup: (min: number) => `weniger als ${min}`,
    complementary: 'zurückgehalten (schützt eine kleine Gruppe)',
  },
  en: {
    dimension: {
      status: 'Status',
      reason: 'Reason',
      month: 'Month',
      outcome: 'Outcome',
      'sessions-held': 'Sessions held',
      department: 'Department',
      experience: 'Working experience (years)',
      role: 'Role',
      competence: 'Competence area (DigComp)',
      goal: 'Programme goal',
      rating: 'Satisfaction (1–5)',
      answer: 'Would recommend',
      level: 'Goal state',
    } as Record<string, string>,
    measure: {
      people: 'People',
      pairs: 'Pairs',
      planned: 'Planned',
      held: 'Held',
      average: 'Average rating (1–5)',
      responses: 'Responses',
      goals: 'Goals',
      before: 'Before (average 1–5)',
      after: 'After (average 1–5)',
      change: 'Change',
    } as Record<string, string>,
    key: {
      matched: 'matched',
      unmatched: 'not matched',
      'after-dissolving': 'after their pair was dissolved',
      'not-yet-matched': 'not matched yet',
      continued: 'continued',
      dissolved: 'dissolved',
      unknown: 'unknown',
      mentor: 'mentor',
      mentee: 'mentee',
      either: 'either',
      'unmatched.full': 'programme full',
      'unmatched.nobody-else': 'nobody enrolled on the other side',
      'unmatched.better-fits': 'everyone who fits fits others better',
      'unmatched.nobody-fits': 'nobody fits',
      'unmatched.since-run': 'changed or enrolled after the last run',
      'unmatched.excluded': 'excluded',
      'unmatched.met-before': 'paired with everyone who fits before',
      'unmatched.forbidden': 'ruled out by an admin',
      'unmatched.no-language': 'no common language',
      'unmatched.same-department': 'only the same department left',
      'unmatched.no-common-time': 'no common time',
      'unmatched.no-lunch-partner': 'nobody left for lunch',
      'digcomp.information': 'Finding and judging information',
      'digcomp.communication': 'Communicating and collaborating',
      'digcomp.content': 'Creating content',
      'digcomp.safety': 'Safety',
      'digcomp.problem-solving': 'Solving problems',
      yes: 'yes',
      maybe: 'maybe',
      no: 'no',
      'not-started': 'not started',
      started: 'started',
      halfway: 'halfway',
      nearly: 'nearly reached',
      reached: 'reached',
    } as Record<string, string>,
    total: 'Total',
    average: 'Average',
    smallGroup: (min: number) => `fewer than ${min}`,
    complementary: 'withheld (protects a small group)',
  },
} as const;

/**
 * One dataset of a programme's report as CSV for the admin's Excel (see toCsv), in their
 * language: the same figures as the page, withheld groups as words, never a number. Audited as an export.
 *
 * @throws ServiceError not-found for an unknown programme.
 */
export async function exportReportDataset(
  em: EntityManager,
  admin: Pick<User, 'id'> & { locale: User['locale'] | undefined },
  programmeId: string,
  datasetId: DatasetId,
  minGroupSize: number,
): Promise<{ filename: string; csv: string }> {
  const { programme, dataset } = await readReportDataset(em, programmeId, datasetId, minGroupSize);
  const { defaultLocale } = await organisationSettings(em.fork());
  const locale: Locale = admin.locale ?? defaultLocale;
  const texts = TEXTS[locale];
  const cell = (value: ReportCell): CsvCell => {
    if (value.suppressed === 'small-group') return texts.smallGroup(minGroupSize);
    if (value.suppressed === 'complementary') return texts.complementary;
    // A number Excel counts with, in the reader's notation (3,5 in German).
    return value.value ?? '';
  };
  const line = (row: ReportRow, label: string) => [label, ...row.cells.map(cell)];
  const csv = toCsv(
    [
      texts.dimension[dataset.dimension] ?? dataset.dimension,
      ...dataset.measures.map((measure) => texts.measure[measure] ?? measure),
    ],
    [
      ...dataset.rows.map((row) => line(row, texts.key[row.key] ?? row.label)),
      ...(dataset.total ? [line(dataset.total, texts.total)] : []),
      ...(dataset.average ? [[texts.average, cell(dataset.average)]] : []),
    ],
    locale,
  );
  await recordAudit(em, {
    action: 'programme.report-exported',
    actorId: admin.id,
    targetType: 'programme',
    targetId: programme.id,
    data: { dataset: dataset.id, minGroupSize, withheld: dataset.suppressed },
  });
  return { filename: `report-${dataset.id}-${programme.id.slice(0, 8)}.csv`, csv };
}
