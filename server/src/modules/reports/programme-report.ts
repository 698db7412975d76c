import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { organisationSettings } from '../organisation/organisation-settings.js';
import { Programme } from '../programmes/programme.js';
import { programmeSettings } from '../programmes/programme-service.js';
import { reportFigures } from './report-figures.js';
import type { DatasetId, ProgrammeReport, ReportDataset } from './report-schemas.js';
import { suppressSmallGroups } from './suppress-small-groups.js';

/**
 * A programme's report for HR: how many enrolled and were matched, why others were not,
 * sessions held against planned, feedback, rematches, retention, the mix of people, and the
 * programme's impact (competence and goals before and after, satisfaction, recommendation,
 * pair goals reached) — as
 * aggregates only, with every group smaller than `minGroupSize` withheld.
 *
 * @throws ServiceError not-found for an unknown programme.
 */
export async function readProgrammeReport(
  em: EntityManager,
  programmeId: string,
  minGroupSize: number,
): Promise<ProgrammeReport> {
  const programme = await em.fork().findOne(Programme, programmeId);
  if (!programme) throw new ServiceError('not-found', 'No such programme.');
  const { timeZone } = await organisationSettings(em.fork());
  const { goals } = programmeSettings(programme);
  const figures = await reportFigures(em.fork(), programme.id, timeZone, goals);
  return {
    programme: { id: programme.id, name: programme.name },
    minGroupSize,
    datasets: suppressSmallGroups(figures, minGroupSize),
  };
}

/** One dataset of the report, withheld exactly as in the whole. */
export async function readReportDataset(
  em: EntityManager,
  programmeId: string,
  datasetId: DatasetId,
  minGroupSize: number,
): Promise<{ programme: ProgrammeReport['programme']; dataset: ReportDataset }> {
  const report = await readProgrammeReport(em, programmeId, minGroupSize);
  const dataset = report.datasets.find((candidate) => candidate.id === datasetId);
  if (!dataset) throw new ServiceError('not-found', 'No such dataset.');
  return { programme: report.programme, dataset };
}
