import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MatchInput, MatchProposal } from '@tandem/plugin-sdk';
import type { Clock } from '../../clock.js';
import type { Metrics } from '../../metrics/metrics.js';
import { PluginCallError } from '../../plugin-host/invoke-plugin.js';
import { publishEvent } from '../../realtime/publish-event.js';
import { askStrategy, type StrategyDependencies, StrategyFailure } from './ask-strategy.js';
import { Match } from './match.js';
import { matchInput } from './match-input.js';
import { MatchMember } from './match-member.js';
import { publishMatches } from './match-publishing.js';
import { MatchingRun } from './matching-run.js';
import {
  reportingLineLevels,
  reportingLinePairs,
  withReportingLineReasons,
} from './reporting-line.js';

export interface MatchingRunDependencies extends StrategyDependencies {
  metrics: Pick<Metrics, 'matchingRunDuration'>;
  /** What time it is, for the pairs a run publishes at once. */
  now: Clock;
}

/**
 * Runs a queued matching run: asks the programme's strategy for a proposal, checks it against
 * the contract and the candidates, and only then replaces the programme's earlier proposal with
 * it, in one transaction. A strategy that is missing, slow, throws or answers out of contract
 * fails the run with the reason, and nothing of its answer is saved.
 */
export async function executeMatchingRun(
  deps: MatchingRunDependencies,
  runId: string,
): Promise<void> {
  const em = deps.orm.em.fork();
  const run = await em.findOne(MatchingRun, runId, { populate: ['programme'] });
  // A job retried after its run finished has nothing left to do.
  if (!run || run.state === 'succeeded' || run.state === 'failed') return;
  run.state = 'running';
  run.progress = 5;
  run.startedAt = new Date();
  await em.flush();
  await announce(em, run);
  const finished = deps.metrics.matchingRunDuration.startTimer();
  let outcome: 'succeeded' | 'failed' = 'failed';
  try {
    // The candidates are read in an entity manager of their own: kept in the run's, its
    // thousands of enrolments and people were compared on every flush after (0.5 s for the
    // progress at 2,000 candidates), though the run changes none of them.
    const input = await matchInput(em.fork(), run.programme, run.seed);
    await progress(em, run, 20);
    const answer = await askStrategy(deps, em, run.strategy, input);
    const proposal = await namingReportingLine(em, run, input, answer);
    await progress(em, run, 90);
    await saveProposal(em, run, proposal);
    deps.log.info(
      { runId, groups: proposal.groups.length, unmatched: proposal.unmatched.length },
      'matching run succeeded',
    );
    if (run.autoPublish && proposal.groups.length > 0)
      await publishMatches(deps.orm.em, undefined, run.programme.id, deps.now());
    outcome = 'succeeded';
  } catch (error) {
    const known = error instanceof StrategyFailure || error instanceof PluginCallError;
    if (!known) deps.log.error({ err: error, runId }, 'matching run failed unexpectedly');
    await failRun(em, run, known ? error.message : 'failed unexpectedly; see the server log');
  } finally {
    finished({ outcome });
  }
}

/** The strategy's answer, with "excluded: reporting line" where that is why someone is left. */
async function namingReportingLine(
  em: EntityManager,
  run: MatchingRun,
  input: MatchInput,
  proposal: MatchProposal,
): Promise<MatchProposal> {
  const pairs = await reportingLinePairs(em, run.programme);
  const levels = reportingLineLevels(run.programme);
  const unmatched = withReportingLineReasons(input, pairs, levels, proposal.unmatched);
  return { ...proposal, unmatched };
}

/** Replaces the programme's proposed (not yet published) matches and closes the run, at once. */
async function saveProposal(em: EntityManager, run: MatchingRun, proposal: MatchProposal) {
  await em.transactional(async (tx) => {
    await tx.nativeDelete(Match, { programme: run.programme, state: 'proposed' });
    // Pinned groups are saved already; the strategy returns them as they are.
    const pinned = await tx.find(
      Match,
      { programme: run.programme, state: 'pinned' },
      { populate: ['members'] },
    );
    const kept = new Set(
      pinned.map((m) => membersKey(m.members.getItems().map((x) => x.enrolment.id))),
    );
    const fresh = proposal.groups.filter(
      (group) => !kept.has(membersKey(group.members.map((m) => m.enrolmentId))),
    );
    await insertMatches(tx, run.programme.id, fresh);
    tx.assign(run, {
      state: 'succeeded',
      progress: 100,
      groupCount: proposal.groups.length,
      unmatched: proposal.unmatched,
      finishedAt: new Date(),
    });
    await announce(tx, run);
  });
}

/** How many rows go in one INSERT: a statement stays a few hundred kilobytes at most. */
const INSERT_BATCH = 1000;

/**
 * Saves the groups as proposed matches with their members, in INSERTs past the unit of work:
 * 5,000 lunch groups of 10,000 people as entities spent seconds in the ORM's change sets for
 * what the database writes in a fraction of that (pnpm bench agency).
 */
async function insertMatches(
  tx: EntityManager,
  programmeId: string,
  groups: MatchProposal['groups'],
): Promise<void> {
  const createdAt = new Date();
  for (let from = 0; from < groups.length; from += INSERT_BATCH) {
    const batch = groups.slice(from, from + INSERT_BATCH).map((group) => ({
      group,
      id: randomUUID(),
    }));
    await tx.insertMany(
      Match,
      batch.map(({ group, id }) => ({
        id,
        programme: programmeId,
        state: 'proposed' as const,
        score: group.score,
        criteria: group.criteria,
        createdAt,
      })),
    );
    await tx.insertMany(
      MatchMember,
      batch.flatMap(({ group, id }) =>
        group.members.map((member) => ({
          id: randomUUID(),
          match: id,
          enrolment: member.enrolmentId,
          role: member.role,
        })),
      ),
    );
  }
}

/**
 * Records how far the run is, at once, for the admin watching it: candidates gathered (20), the
 * strategy answered and its answer checked (90), saved (100). The strategy's own time is the
 * stretch between; it cannot be divided further from outside.
 */
async function progress(em: EntityManager, run: MatchingRun, value: number) {
  run.progress = value;
  await em.flush();
  await announce(em, run);
}

/** Tells the admin who started the run, live, how far it is (sent when the change commits). */
async function announce(
  em: EntityManager,
  run: MatchingRun,
  state = run.state,
  progress = run.progress,
) {
  const requester = run.requestedBy?.id;
  if (!requester) return; // the admin's account is gone
  await publishEvent(em, [requester], {
    type: 'matching-run',
    data: { id: run.id, state, progress },
  });
}

function membersKey(ids: string[]): string {
  return [...ids].sort().join(' ');
}

async function failRun(em: EntityManager, run: MatchingRun, reason: string) {
  em.clear();
  await em.nativeUpdate(
    MatchingRun,
    { id: run.id },
    { state: 'failed', error: reason, progress: 100, finishedAt: new Date() },
  );
  await announce(em, run, 'failed', 100);
}
