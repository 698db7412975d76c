import t from 'tap';
import { Meeting } from '../src/modules/meetings/meeting.js';
import type {} from '../src/modules/meetings/meeting-dependencies-plugin.js';
import { planNextMeeting } from '../src/modules/meetings/meeting-planner.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { runningPair } from './helpers/publish-pair.js';
import { signedInAs } from './helpers/sessions.js';

t.test(
  'a person in several pairs gets each first meeting at a time the others leave free',
  async (t) => {
    const app = await buildTestApp(t);
    const [lena, brigitte, hans, olga, emre, ida] = await Promise.all(
      ['lena', 'brigitte', 'hans', 'olga', 'emre', 'ida'].map((subject) =>
        signedInAs(app, { subject, name: subject }),
      ),
    );
    if (!lena || !brigitte || !hans || !olga || !emre || !ida) throw new Error('no people');
    const deps = app.meetingDependencies();
    const plan = async (name: string, mentorId: string, menteeId: string) => {
      const { pairId } = await runningPair(app, { name, mentorId, menteeId });
      const meeting = await planNextMeeting(deps, pairId);
      if (!meeting) throw new Error(`no meeting for ${name}`);
      return meeting;
    };
    const overlap = (a: Meeting, b: Meeting) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

    const first = await plan('KI im Alltag', lena.userId, brigitte.userId);
    const apart = await plan('Ohne Lena', emre.userId, ida.userId);
    t.equal(
      apart.startsAt.toISOString(),
      first.startsAt.toISOString(),
      'two other people get the same earliest time',
    );
    const second = await plan('Digital im Dienst', lena.userId, hans.userId);
    t.notOk(overlap(first, second), "Lena's second pair meets when her first does not");

    await app.orm.em.fork().nativeUpdate(Meeting, { id: first.id }, { state: 'cancelled' });
    const third = await plan('Teams sicher moderieren', lena.userId, olga.userId);
    t.equal(
      third.startsAt.toISOString(),
      first.startsAt.toISOString(),
      'a cancelled meeting leaves its time free',
    );
    t.notOk(overlap(second, third), 'and the planned one stays kept clear');
  },
);
