import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock } from '../../clock.js';
import type { Log } from '../../logger.js';
import { caldavFreeBusy } from './free-busy.js';
import type { FreeBusySettings } from './free-busy-settings.js';
import { holidayCalendar } from './holiday-calendar.js';
import type { MeetingDependencies } from './meeting-notices.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** What services need that plan meetings or notify people, with a fresh entity manager. */
    meetingDependencies(): MeetingDependencies;
  }
}

export interface MeetingDependenciesOptions {
  publicUrl: string;
  holidayRegion: string;
  /** The reply mailbox's address, the organiser of invitations; undefined when none is read. */
  replyAddress?: string;
  /** People's calendars to plan around; undefined when none are read. */
  freeBusy?: FreeBusySettings;
  now: Clock;
}

const meetingDependencies: FastifyPluginAsync<MeetingDependenciesOptions> = async (
  app,
  options,
) => {
  const holidays = holidayCalendar(options.holidayRegion);
  const log = app.log as Log;
  // One reader for the app, so its cache serves every planning.
  const freeBusy = options.freeBusy && caldavFreeBusy(options.freeBusy);
  app.decorate('meetingDependencies', () => ({
    em: app.orm.em,
    plugins: app.plugins,
    log,
    publicUrl: options.publicUrl,
    holidays,
    replyAddress: options.replyAddress,
    freeBusy,
    now: options.now,
  }));
};

export default fp(meetingDependencies, {
  name: 'tandem-meeting-dependencies',
  dependencies: ['tandem-orm', 'tandem-plugin-host'],
});
