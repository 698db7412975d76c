import type { FastifyInstance } from 'fastify';
import { runningPair } from './publish-pair.js';
import { signedInAs } from './sessions.js';

/** The participant overview: the home page asks for both at once on every visit. */
export const OVERVIEW = ['/api/pairs', '/api/programmes'];

/** Lena in a published pair with Brigitte, and a programme open for enrolment besides. */
export async function overviewWorld(app: FastifyInstance) {
  const lena = await signedInAs(app, { subject: 'lena', name: 'Lena Vogt' });
  const brigitte = await signedInAs(app, { subject: 'brigitte', name: 'Brigitte Sommer' });
  await runningPair(app, {
    name: 'KI im Alltag',
    mentorId: lena.userId,
    menteeId: brigitte.userId,
  });
  return { lena, brigitte };
}
