import type { CreateProgramme } from '../src/modules/programmes/programme-schemas.js';

/**
 * The agency's two programmes, as its admin creates them: a monthly Mystery Lunch and a
 * reverse-mentoring cohort meeting remotely. Shared by the benchmarks that build the agency
 * (./agency.ts through the API, ./pair-plans.ts through the service), so both plan alike.
 */
export const AGENCY_LUNCH: CreateProgramme = {
  curriculum: 'lunch-rounds',
  kind: 'peer-lunch',
  name: 'Mystery Lunch',
  settings: { channels: ['email', 'in-app'] },
};

export const AGENCY_REVERSE: CreateProgramme = {
  curriculum: 'qa-quickstart',
  kind: 'reverse-mentoring',
  name: 'Digital im Dienst',
  settings: {
    channels: ['email', 'in-app'],
    format: 'remote',
    meetingLinkTemplate: 'https://meet.agency.example/tandem-{meeting}',
  },
};
