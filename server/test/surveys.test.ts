import { startSmtpSink } from '@tandem/plugin-testkit/smtp-sink';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { SEND_SURVEYS } from '../src/jobs/send-surveys.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import type { CustomQuestion } from '../src/modules/surveys/survey-settings.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { mailTestApp } from './helpers/proposed-pairs.js';
import { signedInAs } from './helpers/sessions.js';
import { surveyProgramme } from './helpers/survey-programme.js';

const DAY = 86_400_000;

const DIGCOMP = [
  'digcomp.information',
  'digcomp.communication',
  'digcomp.content',
  'digcomp.safety',
  'digcomp.problem-solving',
];

const CUSTOM: CustomQuestion[] = [
  {
    id: 'custom.budget',
    kind: 'single',
    text: 'Reichte die Zeit?',
    options: [
      { value: 'ja', label: 'Ja' },
      { value: 'knapp', label: 'Knapp' },
    ],
  },
  { id: 'custom.tipp', kind: 'text', text: 'Ihr Tipp für die Nächsten?' },
];

type Question = { id: string; kind: string; text: string; anchors?: { min: string; max: string } };

t.test('each survey has its questions in German and English', async (t) => {
  const app = await buildTestApp(t);
  const { programmeId, mentor } = await surveyProgramme(app, {
    surveys: {
      end: {
        enabled: true,
        sendAt: 'close',
        weeksAfterStart: 12,
        reminderDays: 7,
        questions: CUSTOM,
      },
    },
  });
  const form = async (survey: string, locale: string) => {
    const answer = await app.inject({
      url: `/api/programmes/${programmeId}/surveys/${survey}?locale=${locale}`,
      cookies: mentor.cookies,
    });
    t.equal(answer.statusCode, 200, answer.body);
    return answer.json() as { title: string; answered: boolean; questions: Question[] };
  };
  const baselineDe = await form('baseline', 'de');
  const baselineEn = await form('baseline', 'en');
  t.same(
    baselineDe.questions.map((q) => q.id),
    [...DIGCOMP, 'goal.0', 'goal.1'],
    'the baseline: the five DigComp areas, then the programme goals',
  );
  t.equal(baselineDe.title, 'Einstiegsbefragung');
  t.equal(baselineEn.title, 'Starting survey');
  t.match(baselineDe.questions[3], {
    text: 'Sicherheit',
    anchors: { min: '1 = Einsteiger/in', max: '5 = Expert/in' },
  });
  t.match(baselineEn.questions[0], {
    text: 'Information and data literacy',
    anchors: { min: '1 = beginner', max: '5 = expert' },
  });
  t.equal(
    baselineEn.questions[5]?.text,
    'How far along are you with: Videokonferenzen sicher leiten',
  );
  t.equal(baselineDe.questions[6]?.text, 'Wie weit sind Sie mit: Die E-Akte nutzen');
  t.notSame(
    baselineDe.questions.map((q) => q.text),
    baselineEn.questions.map((q) => q.text),
    'the two languages differ',
  );
  const midterm = await form('midterm', 'en');
  t.same(
    midterm.questions.map((q) => q.id),
    ['satisfaction', 'midterm.improve'],
  );
  const end = await form('end', 'de');
  t.same(
    end.questions.map((q) => q.id),
    [
      ...DIGCOMP,
      'goal.0',
      'goal.1',
      'satisfaction',
      'recommend',
      'changed',
      'custom.budget',
      'custom.tipp',
    ],
  );
  t.match(
    end.questions.find((q) => q.id === 'recommend'),
    {
      kind: 'single',
      options: [
        { value: 'yes', label: 'Ja' },
        { value: 'maybe', label: 'Vielleicht' },
        { value: 'no', label: 'Nein' },
      ],
    },
  );
  t.match(
    end.questions.find((q) => q.id === 'changed'),
    {
      kind: 'text',
      text: 'Was hat sich für Sie verändert?',
    },
  );
  const own = await app.inject({
    url: `/api/programmes/${programmeId}/surveys/baseline`,
    cookies: mentor.cookies,
  });
  t.equal(own.json().title, 'Einstiegsbefragung', "without a locale: the person's language");
});

t.test('answers are checked, stored once, and only from participants', async (t) => {
  const app = await buildTestApp(t);
  const { programmeId, mentor, mentee } = await surveyProgramme(app, {
    surveys: {
      end: {
        enabled: true,
        sendAt: 'close',
        weeksAfterStart: 12,
        reminderDays: 7,
        questions: CUSTOM,
      },
    },
  });
  const answer = (cookies: Record<string, string>, survey: string, answers: object) =>
    app.inject({
      method: 'POST',
      url: `/api/programmes/${programmeId}/surveys/${survey}`,
      cookies,
      payload: { answers },
    });
  for (const [answers, message] of [
    [{ 'digcomp.safety': 6 }, 'The answer to "digcomp.safety" must be a whole number from 1 to 5.'],
    [{ 'digcomp.safety': 0 }, 'The answer to "digcomp.safety" must be a whole number from 1 to 5.'],
    [{ 'digcomp.safety': 'viel' }, 'must be a whole number from 1 to 5'],
    [{ 'goal.2': 3 }, 'This survey has no question "goal.2".'],
    [{ satisfaction: 3 }, 'This survey has no question "satisfaction".'],
    [{ 'custom.nope': 'x' }, 'This survey has no question "custom.nope".'],
    [{}, 'Answer at least one question.'],
  ] as const) {
    const refused = await answer(mentor.cookies, 'baseline', answers);
    t.equal(refused.statusCode, 400, JSON.stringify(answers));
    t.match(refused.json().message, message);
  }
  const stored = await answer(mentor.cookies, 'baseline', {
    'digcomp.information': 2,
    'digcomp.safety': 1,
    'goal.0': 1,
  });
  t.equal(stored.statusCode, 204, stored.body);
  const again = await answer(mentor.cookies, 'baseline', { 'digcomp.safety': 5 });
  t.equal(again.statusCode, 409, 'a second answer to the same survey is refused');
  t.match(again.json().message, 'answered this survey already');
  const form = await app.inject({
    url: `/api/programmes/${programmeId}/surveys/baseline`,
    cookies: mentor.cookies,
  });
  t.equal(form.json().answered, true);

  const notDue = await answer(mentee.cookies, 'end', { recommend: 'yes' });
  t.equal(notDue.statusCode, 409, 'the end survey waits for its invitation');
  t.match(notDue.json().message, 'not open for you yet');
  // Invited to the end survey (as the job does when it is due), the mentee answers it.
  await app.orm.em.execute(
    `INSERT INTO survey_invitation (id, programme_id, user_id, survey, sent_at)
       VALUES (gen_random_uuid(), ?, ?, 'end', now())`,
    [programmeId, mentee.userId],
  );
  for (const [answers, message] of [
    [{ recommend: 'perhaps' }, 'The answer to "recommend" must be one of: yes, maybe, no.'],
    [{ 'custom.budget': 'nein' }, 'must be one of: ja, knapp'],
    [{ changed: 'x'.repeat(2001) }, 'The answer to "changed" may have at most 2000 characters.'],
    [{ changed: 5 }, 'The answer to "changed" must be a text.'],
  ] as const) {
    const refused = await answer(mentee.cookies, 'end', answers);
    t.equal(refused.statusCode, 400, JSON.stringify(answers));
    t.match(refused.json().message, message);
  }
  const ended = await answer(mentee.cookies, 'end', {
    recommend: 'maybe',
    'custom.budget': 'knapp',
    changed: '  Ich plane Termine jetzt digital.  ',
    'custom.tipp': '   ',
    'digcomp.content': 4,
  });
  t.equal(ended.statusCode, 204, ended.body);

  const stranger = await signedInAs(app, { subject: 'stranger', name: 'Sara Fremd' });
  const refused = await answer(stranger.cookies, 'baseline', { 'digcomp.safety': 3 });
  t.equal(refused.statusCode, 403, 'someone not taking part cannot answer');
  t.match(refused.json().message, "Only the programme's participants");
  t.equal(
    (
      await app.inject({
        url: `/api/programmes/${programmeId}/surveys/baseline`,
        cookies: stranger.cookies,
      })
    ).statusCode,
    403,
  );
  const em = app.orm.em.fork();
  await em.nativeUpdate(Enrolment, { user: mentee.userId }, { state: 'withdrawn' });
  const gone = await answer(mentee.cookies, 'baseline', { 'digcomp.safety': 3 });
  t.equal(gone.statusCode, 403, 'nor someone who left');

  const rows = await app.orm.em.execute<{ survey: string; answers: object }[]>(
    'SELECT survey, answers FROM survey_response ORDER BY survey',
  );
  t.same(
    rows,
    [
      {
        survey: 'baseline',
        answers: { 'digcomp.information': 2, 'digcomp.safety': 1, 'goal.0': 1 },
      },
      {
        survey: 'end',
        answers: {
          recommend: 'maybe',
          'custom.budget': 'knapp',
          changed: 'Ich plane Termine jetzt digital.',
          'digcomp.content': 4,
        },
      },
    ],
    'one response per answer, texts trimmed and empty ones left out',
  );
  const off = await app.inject({
    method: 'PATCH',
    url: `/api/admin/programmes/${programmeId}`,
    cookies: (await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] })).cookies,
    payload: {
      settings: {
        surveys: {
          ...(await surveySettings(app, programmeId)),
          midterm: { enabled: false, weeksAfterStart: 6, reminderDays: 0, questions: [] },
        },
      },
    },
  });
  t.equal(off.statusCode, 200, off.body);
  const noMidterm = await app.inject({
    url: `/api/programmes/${programmeId}/surveys/midterm`,
    cookies: mentor.cookies,
  });
  t.equal(noMidterm.statusCode, 404, 'a survey switched off is not there');
});

async function surveySettings(app: FastifyInstance, programmeId: string) {
  const [row] = await app.orm.em.execute<{ settings: { surveys: object } }[]>(
    'SELECT settings FROM programme WHERE id = ?',
    [programmeId],
  );
  return row?.settings.surveys;
}

t.test('the settings refuse a question without options or twice the same id', async (t) => {
  const app = await buildTestApp(t);
  const { programmeId } = await surveyProgramme(app);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const surveys = await surveySettings(app, programmeId);
  const patch = (baselineQuestions: object[]) =>
    app.inject({
      method: 'PATCH',
      url: `/api/admin/programmes/${programmeId}`,
      cookies: hr.cookies,
      payload: {
        settings: {
          surveys: {
            ...surveys,
            baseline: { enabled: true, reminderDays: 3, questions: baselineQuestions },
          },
        },
      },
    });
  const single = await patch([{ id: 'custom.wahl', kind: 'single', text: 'Welche?' }]);
  t.equal(single.statusCode, 400);
  t.match(single.json().message, 'the single-choice question custom.wahl needs options');
  const twice = await patch([
    { id: 'custom.a', kind: 'text', text: 'Eins' },
    { id: 'custom.a', kind: 'scale', text: 'Zwei' },
  ]);
  t.equal(twice.statusCode, 400);
  t.match(twice.json().message, 'the question id custom.a is there twice');
  const badId = await patch([{ id: 'digcomp.safety', kind: 'scale', text: 'Sicher?' }]);
  t.equal(badId.statusCode, 400, 'an own question cannot take a built-in id');
  const fine = await patch([{ id: 'custom.a', kind: 'scale', text: 'Eins' }]);
  t.equal(fine.statusCode, 200, fine.body);
  t.match(fine.json().settings.surveys.baseline, {
    reminderDays: 3,
    questions: [{ id: 'custom.a' }],
  });

  const created = await app.inject({
    method: 'POST',
    url: '/api/admin/programmes',
    cookies: hr.cookies,
    payload: { curriculum: 'qa-quickstart', name: 'Neu' },
  });
  t.match(
    created.json().settings.surveys,
    {
      baseline: { enabled: true },
      midterm: { enabled: true },
      end: { enabled: true, sendAt: 'close' },
      showFreeText: false,
    },
    'a new programme asks all three surveys and shows no free text',
  );
});

/** Runs the survey job as the crontab would, and waits for it and the deliveries it queues. */
async function runSurveyJob(app: FastifyInstance): Promise<void> {
  await app.orm.em.execute('SELECT graphile_worker.add_job(?)', [SEND_SURVEYS]);
  for (let i = 0; i < 300; i++) {
    const [row] = await app.orm.em.execute<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE run_at <= now()',
    );
    if (row?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('jobs still due after 30 seconds');
}

t.test('invitations and one reminder go out through the delivery ledger, once each', async (t) => {
  const sink = await startSmtpSink();
  t.teardown(() => sink.close());
  const app = await mailTestApp(t, sink);
  const { programmeId, mentor, mentee } = await surveyProgramme(app, {
    enrolledDaysAgo: 2,
    pairedWeeksAgo: 7,
  });
  // The mentor answered the baseline in the enrolment wizard: nobody asks them again.
  const wizard = await app.inject({
    method: 'POST',
    url: `/api/programmes/${programmeId}/surveys/baseline`,
    cookies: mentor.cookies,
    payload: { answers: { 'digcomp.safety': 4 } },
  });
  t.equal(wizard.statusCode, 204);

  await runSurveyJob(app);
  await runSurveyJob(app);
  const invitations = await app.orm.em.execute<
    { user_id: string; survey: string; answered: boolean }[]
  >('SELECT user_id, survey, answered FROM survey_invitation ORDER BY survey, user_id');
  const whose = (id: string) => (id === mentor.userId ? 'mentor' : 'mentee');
  t.same(
    invitations.map((i) => `${i.survey} ${whose(i.user_id)} ${i.answered}`).sort(),
    [
      'baseline mentee false',
      'baseline mentor true',
      'midterm mentee false',
      'midterm mentor false',
    ],
    'one invitation per person and survey though the job ran twice; the end waits for the close',
  );
  const mails = await sink.waitFor(3, 30_000);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  t.equal(sink.messages.length, 3, 'three invitations: nothing twice');
  const to = (email: string) => mails.filter((mail) => mail.envelope.to.includes(email));
  t.same(
    to(mentee.email)
      .map((mail) => mail.subject)
      .sort(),
    ['Midterm survey for "Digital im Dienst"', 'Starting survey for "Digital im Dienst"'],
  );
  t.same(
    to(mentor.email).map((mail) => mail.subject),
    ['Zwischenbefragung zu „Digital im Dienst“'],
  );
  t.match(
    to(mentor.email)[0]?.text,
    `https://tandem.agency.example/surveys/${programmeId}/midterm`,
  );
  t.match(to(mentor.email)[0]?.text, 'ohne Ihren Namen und ohne Zeitpunkt');

  const inbox = await app.inject({ url: '/api/me/inbox', cookies: mentee.cookies });
  t.same(
    inbox
      .json()
      .entries.map((n: { link: string }) => n.link)
      .sort(),
    [`/surveys/${programmeId}/baseline`, `/surveys/${programmeId}/midterm`],
    'and in the in-app inbox, leading to the survey page',
  );
  const open = await app.inject({ url: '/api/surveys', cookies: mentee.cookies });
  t.same(
    open
      .json()
      .map((s: { survey: string }) => s.survey)
      .sort(),
    ['baseline', 'midterm'],
    'the open surveys on the home page',
  );

  // The mentee answers the midterm; a week and a day later the rest are reminded, once.
  const midterm = await app.inject({
    method: 'POST',
    url: `/api/programmes/${programmeId}/surveys/midterm`,
    cookies: mentee.cookies,
    payload: { answers: { satisfaction: 5 } },
  });
  t.equal(midterm.statusCode, 204);
  t.same(
    (await app.inject({ url: '/api/surveys', cookies: mentee.cookies }))
      .json()
      .map((s: { survey: string }) => s.survey),
    ['baseline'],
  );
  await app.orm.em.execute(`UPDATE survey_invitation SET sent_at = ?`, [
    new Date(Date.now() - 8 * DAY),
  ]);
  await runSurveyJob(app);
  await runSurveyJob(app);
  await sink.waitFor(5, 30_000);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const reminders = sink.messages.slice(3);
  t.same(
    reminders.map((mail) => `${mail.envelope.to.join()} ${mail.subject}`).sort(),
    [
      'mentee@agency.example Reminder: starting survey for "Digital im Dienst"',
      'mentor@agency.example Erinnerung: Zwischenbefragung zu „Digital im Dienst“',
    ],
    'one reminder to each unanswered invitation, none for the answered ones',
  );
  const [ledger] = await app.orm.em.execute<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM delivery d JOIN notification n ON n.id = d.notification_id
      WHERE n.subject LIKE 'survey:%' AND d.channel = 'email' AND d.state = 'delivered'`,
  );
  t.equal(ledger?.n, 5, 'every message is a delivery in the ledger');

  // At the close, everyone still taking part is asked the end survey.
  await app.orm.em.execute(`UPDATE programme SET state = 'closed' WHERE id = ?`, [programmeId]);
  await runSurveyJob(app);
  await sink.waitFor(7, 30_000);
  t.same(
    sink.messages
      .slice(5)
      .map((mail) => mail.subject)
      .sort(),
    ['Abschlussbefragung zu „Digital im Dienst“', 'Final survey for "Digital im Dienst"'],
  );
  const counts = await app.inject({
    url: `/api/admin/programmes/${programmeId}/surveys`,
    cookies: (await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] })).cookies,
  });
  t.same(counts.json(), [
    { survey: 'baseline', enabled: true, asked: 2, answered: 1 },
    { survey: 'midterm', enabled: true, asked: 2, answered: 1 },
    { survey: 'end', enabled: true, asked: 2, answered: 0 },
  ]);
});

t.test('a closed programme reminds of its final survey only', async (t) => {
  const sink = await startSmtpSink();
  t.teardown(() => sink.close());
  const app = await mailTestApp(t, sink);
  const { programmeId, mentor } = await surveyProgramme(app, {
    enrolledDaysAgo: 2,
    pairedWeeksAgo: 7,
  });
  await runSurveyJob(app);
  await sink.waitFor(4, 30_000);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  t.equal(sink.messages.length, 4, 'both are asked the starting and the midterm survey');
  // Eight days on, nobody has answered, and the programme has closed meanwhile.
  await app.orm.em.execute(`UPDATE survey_invitation SET sent_at = ?`, [
    new Date(Date.now() - 8 * DAY),
  ]);
  await app.orm.em.execute(`UPDATE programme SET state = 'closed' WHERE id = ?`, [programmeId]);
  await runSurveyJob(app);
  await sink.waitFor(6, 30_000);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  t.same(
    sink.messages
      .slice(4)
      .map((mail) => mail.subject)
      .sort(),
    ['Abschlussbefragung zu „Digital im Dienst“', 'Final survey for "Digital im Dienst"'],
    'the final survey goes out; no reminder of the starting or midterm survey',
  );
  await app.orm.em.execute(`UPDATE survey_invitation SET sent_at = ?`, [
    new Date(Date.now() - 8 * DAY),
  ]);
  await runSurveyJob(app);
  await sink.waitFor(8, 30_000);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  t.same(
    sink.messages
      .slice(6)
      .map((mail) => mail.subject)
      .sort(),
    [
      'Erinnerung: Abschlussbefragung zu „Digital im Dienst“',
      'Reminder: final survey for "Digital im Dienst"',
    ],
    `a week later, a reminder of the final survey, to ${mentor.email} too`,
  );
});

t.test('a programme from before surveys asks none until switched on', async (t) => {
  const app = await buildTestApp(t);
  const { programmeId, mentee } = await surveyProgramme(app);
  await app.orm.em.execute(`UPDATE programme SET settings = settings - 'surveys' WHERE id = ?`, [
    programmeId,
  ]);
  const form = await app.inject({
    url: `/api/programmes/${programmeId}/surveys/baseline`,
    cookies: mentee.cookies,
  });
  t.equal(form.statusCode, 404);
});
