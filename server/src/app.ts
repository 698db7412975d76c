import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { TaskList } from 'graphile-worker';
import apiTokenRoutes from './auth/api-token-routes.js';
import authPlugin from './auth/auth-plugin.js';
import authRoutes from './auth/auth-routes.js';
import { demoSignIn } from './auth/dev-idp/demo-sign-in.js';
import devIdpRoutes from './auth/dev-idp/dev-idp-routes.js';
import { loginSettings } from './auth/login-settings.js';
import { type Clock, realClock } from './clock.js';
import type { Config } from './config.js';
import ormPlugin from './db/orm-plugin.js';
import demoEmailInstance from './demo/demo-email-instance.js';
import { demoMailPlugins } from './demo/demo-mail-plugins.js';
import { startDemoMailSink } from './demo/demo-mail-sink.js';
import demoMailboxRoutes from './demo/demo-mailbox-routes.js';
import healthRoutes from './health/health-routes.js';
import errorHandler from './http/error-handler.js';
import jsonBody from './http/json-body.js';
import openapi from './http/openapi.js';
import rejectNul from './http/reject-nul.js';
import requestLog from './http/request-log.js';
import responseSerializer from './http/response-serializer.js';
import securityHeaders from './http/security-headers.js';
import webApp from './http/web-app.js';
import { taskSettings } from './jobs/task-dependencies.js';
import workerPlugin from './jobs/worker-plugin.js';
import httpMetrics from './metrics/http-metrics-plugin.js';
import { createMetrics, type Metrics } from './metrics/metrics.js';
import approvalRoutes from './modules/approvals/approval-routes.js';
import auditRoutes from './modules/audit/audit-routes.js';
import certificateRoutes from './modules/certificates/certificate-routes.js';
import channelInstanceRoutes from './modules/channels/channel-instance-routes.js';
import { channelSecrets } from './modules/channels/secret-reference.js';
import curriculumRoutes from './modules/curricula/curriculum-routes.js';
import enrolmentAdminRoutes from './modules/enrolment/enrolment-admin-routes.js';
import enrolmentRoutes from './modules/enrolment/enrolment-routes.js';
import pairGoalRoutes from './modules/evaluation/pair-goal-routes.js';
import lunchRoutes from './modules/matching/lunch-routes.js';
import matchReviewRoutes from './modules/matching/match-review-routes.js';
import matchingRunRoutes from './modules/matching/matching-run-routes.js';
import meetingAdminRoutes from './modules/meetings/meeting-admin-routes.js';
import meetingDependencies from './modules/meetings/meeting-dependencies-plugin.js';
import meetingRoutes from './modules/meetings/meeting-routes.js';
import deliveryRoutes from './modules/notifications/delivery-routes.js';
import inboxRoutes from './modules/notifications/inbox-routes.js';
import siteRoutes from './modules/organisation/site-routes.js';
import pairJournalRoutes from './modules/pairs/pair-journal-routes.js';
import pairRoutes from './modules/pairs/pair-routes.js';
import privacyRoutes from './modules/privacy/privacy-routes.js';
import profileRoutes from './modules/profiles/profile-routes.js';
import programmeManagerRoutes from './modules/programmes/programme-manager-routes.js';
import programmeRoutes from './modules/programmes/programme-routes.js';
import reportRoutes from './modules/reports/report-routes.js';
import scimRoutes from './modules/scim/scim-routes.js';
import selfServiceRoutes from './modules/self-service/self-service-routes.js';
import skillRoutes from './modules/skills/skill-routes.js';
import surveyRoutes from './modules/surveys/survey-routes.js';
import adminUserRoutes from './modules/users/admin-user-routes.js';
import meRoutes from './modules/users/me-routes.js';
import roleRoutes from './modules/users/role-routes.js';
import pluginHost from './plugin-host/plugin-host-plugin.js';
import pluginRoutes from './plugin-host/plugin-routes.js';
import realtimePlugin from './realtime/realtime-plugin.js';
import { version } from './version.js';

/** The configuration `buildApp` needs: the validated config, with the database resolved. */
export type AppConfig = Config & {
  databaseUrl: string;
  /**
   * `tandem start --demo`: without OIDC_ISSUER, sign in through the built-in demo IdP; email
   * goes to the demo mailbox, which admins read in the app.
   */
  demo?: boolean;
};

export interface AppDependencies {
  /** The process's logger; without one, the app logs at `config.logLevel` to stdout. */
  log?: FastifyBaseLogger;
  /** Replaces Tandem's task list in the in-process worker (tests). */
  taskList?: TaskList;
  /** The process's metrics, which its management server serves; without, the app makes its own. */
  metrics?: Metrics;
  /** The clock meetings are planned and answered by; the real one when left out (tests). */
  now?: Clock;
}

/**
 * Builds the Tandem HTTP application. It connects to the database when awaited (`ready()`),
 * runs the job worker in-process when configured, and releases everything on `close()`:
 * the HTTP server stops accepting and drains, running jobs finish, then the pool closes.
 */
export async function buildApp(
  config: AppConfig,
  deps: AppDependencies = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.log ? { loggerInstance: deps.log } : { logger: { level: config.logLevel } }),
    // Health probes and the like may arrive while a shutdown drains; answer them with 503.
    return503OnClosing: true,
    trustProxy: config.trustProxy,
    // One line per request, at a level that fits it (http/request-log.ts).
    logController: new LogController({ disableRequestLogging: true }),
  });

  await app.register(errorHandler);
  await app.register(requestLog, { everyRequest: config.env === 'production' });
  await app.register(jsonBody);
  await app.register(responseSerializer);
  await app.register(rejectNul);
  await app.register(securityHeaders, {
    formTargets: config.oidc ? [new URL(config.oidc.issuer).origin] : [],
    https: config.session.secureCookies,
  });
  await app.register(ormPlugin, { databaseUrl: config.databaseUrl });
  await app.register(httpMetrics, { metrics: deps.metrics ?? createMetrics() });
  const demoMail = config.demo ? await startDemoMailSink() : undefined;
  // Closed after the worker (onClose hooks run in reverse), so a last delivery still lands.
  if (demoMail) {
    app.addHook('onClose', () => demoMail.close());
    app.log.info(
      { smtp: `${demoMail.host}:${demoMail.port}` },
      'demo mode: email is kept in the Demo mailbox (/admin/demo-mailbox), none is sent out',
    );
  }
  const plugins = demoMail ? demoMailPlugins(config, demoMail) : config;
  await app.register(pluginHost, {
    ...plugins.plugins,
    serverVersion: version,
    env: plugins.pluginEnv,
  });
  if (config.worker.inProcess) {
    await app.register(workerPlugin, {
      databaseUrl: config.databaseUrl,
      concurrency: config.worker.concurrency,
      settings: taskSettings(config),
      taskList: deps.taskList,
    });
  }
  // Before any route: its onRoute hook refuses routes that declare no access.
  await app.register(authPlugin, { publicUrl: config.publicUrl, ...config.session });
  await app.register(openapi, { publicUrl: config.publicUrl });
  await app.register(realtimePlugin, {
    databaseUrl: config.databaseUrl,
    publicUrl: config.publicUrl,
  });
  await app.register(meetingDependencies, {
    publicUrl: config.publicUrl,
    holidayRegion: config.holidayRegion,
    replyAddress: config.replyMailbox?.address,
    freeBusy: config.freeBusy,
    now: deps.now ?? realClock,
  });
  await app.register(healthRoutes);
  await app.register(webApp, { root: config.webRoot });
  const demo = config.demo && !config.oidc ? await demoSignIn(config, app.log) : undefined;
  await app.register(authRoutes, {
    login: demo?.login ?? (config.oidc ? loginSettings(config, config.oidc) : undefined),
    publicUrl: config.publicUrl,
    rateLimit: config.authRateLimit,
  });
  if (demo) await app.register(devIdpRoutes, { idp: demo.idp });
  if (demoMail) {
    await app.register(demoMailboxRoutes, { sink: demoMail });
    await app.register(demoEmailInstance, { sink: demoMail });
  }
  await app.register(siteRoutes, {
    version,
    demo: Boolean(demo),
    demoMailbox: Boolean(demoMail),
    accessibility: config.accessibility,
  });
  await app.register(meRoutes);
  await app.register(adminUserRoutes);
  await app.register(roleRoutes);
  await app.register(apiTokenRoutes);
  await app.register(pluginRoutes);
  await app.register(matchingRunRoutes);
  await app.register(matchReviewRoutes);
  await app.register(lunchRoutes);
  await app.register(programmeRoutes);
  await app.register(programmeManagerRoutes);
  await app.register(curriculumRoutes);
  await app.register(skillRoutes);
  await app.register(profileRoutes);
  await app.register(enrolmentRoutes);
  await app.register(enrolmentAdminRoutes);
  await app.register(approvalRoutes);
  await app.register(pairRoutes);
  await app.register(pairJournalRoutes, { noteKeyring: config.noteKeyring });
  await app.register(pairGoalRoutes);
  await app.register(selfServiceRoutes);
  await app.register(meetingRoutes);
  await app.register(meetingAdminRoutes);
  await app.register(inboxRoutes);
  await app.register(deliveryRoutes);
  await app.register(channelInstanceRoutes, { secrets: channelSecrets(config) });
  await app.register(auditRoutes);
  await app.register(privacyRoutes, { noteKeyring: config.noteKeyring });
  await app.register(surveyRoutes);
  await app.register(reportRoutes, { minGroupSize: config.reportMinGroupSize });
  await app.register(certificateRoutes, {
    publicUrl: config.publicUrl,
    rateLimit: config.authRateLimit,
  });
  await app.register(scimRoutes, {
    // Without an identity provider nobody provisioned could sign in; the people are kept apart.
    issuer: config.oidc?.issuer ?? config.publicUrl,
    publicUrl: config.publicUrl,
    roleMapping: config.claims,
  });
  return app;
}
