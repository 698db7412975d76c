import t from 'tap';
import { Meeting } from '../src/modules/meetings/meeting.js';
import { planNextMeeting } from '../src/modules/meetings/meeting-planner.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { runningPair } from './helpers/publish-pair.js';
import { signedInAs } from './helpers/sessions.js';

t.test('an invitation names the room, or the site where the admin emptied the room', async (t) => {
  const app = await buildTestApp(t);
  const deps = app.meetingDependencies();
  const placeOf = async (room: string, subject: string) => {
    const mentor = await signedInAs(app, { subject: `${subject}-a`, name: 'Lena Vogt' });
    const mentee = await signedInAs(app, { subject: `${subject}-b`, name: 'Brigitte Hahn' });
    const { pairId } = await runningPair(app, {
      name: `Vor Ort ${subject}`,
      mentorId: mentor.userId,
      menteeId: mentee.userId,
      // As the admin's form saves an emptied field: ''.
      settings: { format: 'on-site', location: 'Dienstgebäude Mitte', room },
    });
    await planNextMeeting(deps, pairId);
    const meeting = await app.orm.em.fork().findOneOrFail(Meeting, { match: pairId });
    return meeting.location;
  };
  t.equal(await placeOf('Raum 2.14', 'room'), 'Raum 2.14', 'the room where there is one');
  t.equal(await placeOf('', 'site'), 'Dienstgebäude Mitte', 'else the site');
});
