import { msg, str } from '@lit/localize';
import type { ReportCell, ReportDataset, ReportRow } from '../data/reports.js';
import { getLocale } from '../i18n/locale.js';
import { explanationText } from './explanation-text.js';

/**
 * The words of a programme report, shared by the report page and the impact page: dataset
 * titles, measures, dimensions, row labels and cells, withheld ones in words.
 */
export function cellText(cell: ReportCell, minGroupSize: number, measure: string): string {
  if (cell.suppressed === 'small-group')
    return msg(str`fewer than ${minGroupSize}`, { id: 'reports.smallGroup' });
  if (cell.suppressed) return msg('withheld (protects a small group)', { id: 'reports.withheld' });
  const average = ['average', 'before', 'after', 'change'].includes(measure);
  return new Intl.NumberFormat(getLocale(), {
    ...(average ? { minimumFractionDigits: 1, maximumFractionDigits: 1 } : {}),
    ...(measure === 'change' ? { signDisplay: 'exceptZero' as const } : {}),
  }).format(cell.value ?? 0);
}

export function datasetTitle(id: ReportDataset['id']): string {
  const titles: Record<ReportDataset['id'], () => string> = {
    participation: () => msg('Enrolled and matched', { id: 'reports.participation' }),
    'unmatched-reasons': () => msg('Not matched, by reason', { id: 'reports.unmatched-reasons' }),
    sessions: () => msg('Sessions planned and held, by month', { id: 'reports.sessions' }),
    feedback: () => msg('Average feedback (1 to 5), by month', { id: 'reports.feedback' }),
    rematches: () => msg('Pairs continued or dissolved (rematches)', { id: 'reports.rematches' }),
    retention: () => msg('Pairs by sessions held (retention)', { id: 'reports.retention' }),
    departments: () => msg('Participants by department', { id: 'reports.departments' }),
    generations: () =>
      msg('Participants by years of working experience', { id: 'reports.generations' }),
    roles: () => msg('Participants by role', { id: 'reports.roles' }),
    competence: () =>
      msg('Digital competence before and after (self-rating 1 to 5)', {
        id: 'impact.dataset.competence',
      }),
    'programme-goals': () =>
      msg("The programme's goals before and after (self-rating 1 to 5)", {
        id: 'impact.dataset.programmeGoals',
      }),
    satisfaction: () =>
      msg('Satisfaction at the end (1 to 5)', { id: 'impact.dataset.satisfaction' }),
    recommendation: () =>
      msg('Would recommend the programme', { id: 'impact.dataset.recommendation' }),
    'goal-attainment': () =>
      msg("Pairs' goals by how far they got", { id: 'impact.dataset.goalAttainment' }),
  };
  return titles[id]();
}

export function measureLabel(measure: string): string {
  switch (measure) {
    case 'people':
      return msg('People', { id: 'reports.measure.people' });
    case 'pairs':
      return msg('Pairs', { id: 'reports.measure.pairs' });
    case 'planned':
      return msg('Planned', { id: 'reports.measure.planned' });
    case 'held':
      return msg('Held', { id: 'reports.measure.held' });
    case 'average':
      return msg('Average rating', { id: 'reports.measure.average' });
    case 'responses':
      return msg('Responses', { id: 'impact.measure.responses' });
    case 'goals':
      return msg('Goals', { id: 'impact.measure.goals' });
    case 'before':
      return msg('Before', { id: 'impact.measure.before' });
    case 'after':
      return msg('After', { id: 'impact.measure.after' });
    case 'change':
      return msg('Change', { id: 'impact.measure.change' });
    default:
      return measure;
  }
}

export function dimensionLabel(dimension: string): string {
  switch (dimension) {
    case 'status':
      return msg('Status', { id: 'reports.dimension.status' });
    case 'reason':
      return msg('Reason', { id: 'reports.dimension.reason' });
    case 'month':
      return msg('Month', { id: 'reports.dimension.month' });
    case 'outcome':
      return msg('Outcome', { id: 'reports.dimension.outcome' });
    case 'sessions-held':
      return msg('Sessions held', { id: 'reports.dimension.sessionsHeld' });
    case 'department':
      return msg('Department', { id: 'reports.dimension.department' });
    case 'experience':
      return msg('Working experience', { id: 'reports.dimension.experience' });
    case 'role':
      return msg('Role', { id: 'reports.dimension.role' });
    case 'competence':
      return msg('Competence area', { id: 'impact.dimension.competence' });
    case 'goal':
      return msg('Programme goal', { id: 'impact.dimension.goal' });
    case 'rating':
      return msg('Rating', { id: 'impact.dimension.rating' });
    case 'answer':
      return msg('Answer', { id: 'impact.dimension.answer' });
    case 'level':
      return msg('How far', { id: 'impact.dimension.level' });
    default:
      return dimension;
  }
}

/**
 * Fixed categories in the app's language; months as words; reasons by their code as the review
 * words them (a strategy's own sentence where it gave no code); departments as they are.
 */
export function rowLabel(dataset: ReportDataset, row: ReportRow): string {
  if (dataset.dimension === 'month') {
    const [year, month] = row.key.split('-').map(Number);
    return new Intl.DateTimeFormat(getLocale(), { month: 'long', year: 'numeric' }).format(
      new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 15)),
    );
  }
  if (dataset.dimension === 'sessions-held')
    return msg(str`${row.key} sessions`, { id: 'reports.sessionsHeld' });
  if (dataset.dimension === 'experience' && row.key !== 'unknown')
    return msg(str`${row.key.replace('-', '–')} years`, { id: 'reports.years' });
  const fixed: Record<string, () => string> = {
    matched: () => msg('Matched', { id: 'reports.key.matched' }),
    unmatched: () => msg('Not matched', { id: 'reports.key.unmatched' }),
    'after-dissolving': () =>
      msg('After their pair was dissolved', { id: 'reports.key.afterDissolving' }),
    'not-yet-matched': () => msg('Not matched yet', { id: 'reports.key.notYetMatched' }),
    continued: () => msg('Continued', { id: 'reports.key.continued' }),
    dissolved: () => msg('Dissolved', { id: 'reports.key.dissolved' }),
    unknown: () => msg('Not stated', { id: 'reports.key.unknown' }),
    mentor: () => msg('Mentor', { id: 'reports.key.mentor' }),
    mentee: () => msg('Mentee', { id: 'reports.key.mentee' }),
    either: () => msg('Either', { id: 'reports.key.either' }),
    ...IMPACT_KEYS,
  };
  const label = fixed[row.key]?.();
  if (label) return label;
  return dataset.dimension === 'reason' ? explanationText({ code: row.key }, row.label) : row.label;
}

/** The impact datasets' fixed rows: DigComp areas, answers, goal levels. */
const IMPACT_KEYS: Record<string, () => string> = {
  'digcomp.information': () =>
    msg('Finding and judging information', { id: 'impact.key.information' }),
  'digcomp.communication': () =>
    msg('Communicating and collaborating', { id: 'impact.key.communication' }),
  'digcomp.content': () => msg('Creating digital content', { id: 'impact.key.content' }),
  'digcomp.safety': () => msg('Safety', { id: 'impact.key.safety' }),
  'digcomp.problem-solving': () => msg('Solving problems', { id: 'impact.key.problemSolving' }),
  yes: () => msg('Yes', { id: 'impact.key.yes' }),
  maybe: () => msg('Maybe', { id: 'impact.key.maybe' }),
  no: () => msg('No', { id: 'impact.key.no' }),
  'not-started': () => msg('Not started', { id: 'impact.key.notStarted' }),
  started: () => msg('Started', { id: 'impact.key.started' }),
  halfway: () => msg('Halfway', { id: 'impact.key.halfway' }),
  nearly: () => msg('Nearly reached', { id: 'impact.key.nearly' }),
  reached: () => msg('Reached', { id: 'impact.key.reached' }),
};
