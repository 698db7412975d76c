import {
  approvalPage,
  enrolPage,
  homePage,
  pairPage,
  partnersPage,
} from '@tandem/server/schemas/modules/notifications/app-page';
import t from 'tap';
import { matchRoute } from '../src/router/router.js';

const BASE = 'https://tandem.agency.example';
const PAIR = '0b7e1c2a-4d5f-4a6b-8c9d-0e1f2a3b4c5d';

/** The page a link in an inbox entry or an email opens. */
const pageOf = (path: string) => matchRoute(new URL(path, BASE));

t.test('every page a notification links to is a page of the app', async (t) => {
  const pair = pageOf(pairPage(PAIR));
  t.equal(pair.route.tag, 'tandem-tandem-page', 'a pair’s link opens that tandem');
  t.same(pair.params, { pairId: PAIR });
  t.equal(pageOf(homePage).route.tag, 'tandem-home-page', 'the home link opens the home page');
  const partners = pageOf(partnersPage(PAIR));
  t.equal(partners.route.tag, 'tandem-partners-page', 'a request’s link opens the partners page');
  t.same(partners.params, { id: PAIR });
  const approval = pageOf(approvalPage(PAIR));
  t.equal(approval.route.tag, 'tandem-approvals-page', 'a manager’s link opens the request');
  t.same(approval.params, { id: PAIR });
  const enrolment = pageOf(enrolPage(PAIR));
  t.equal(enrolment.route.tag, 'tandem-enrol-page', 'an enrolment’s outcome opens the programme');
  t.same(enrolment.params, { id: PAIR });
});

t.test('links in messages sent by Tandem 0.1 still open the pair', async (t) => {
  const old = pageOf(`/pairs/${PAIR}`);
  t.equal(old.route.tag, 'tandem-tandem-page');
  t.same(old.params, { pairId: PAIR });
});
