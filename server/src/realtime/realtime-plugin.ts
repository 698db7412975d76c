import websocket from '@fastify/websocket';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type {} from '../auth/auth-plugin.js';
import { signedIn } from '../auth/signed-in.js';
import type {} from '../metrics/http-metrics-plugin.js';
import { RealtimeHub } from './realtime-hub.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's WebSocket hub: open sockets by user, fed by PostgreSQL notifications. */
    realtime: RealtimeHub;
  }
}

export interface RealtimePluginOptions {
  databaseUrl: string;
  /** Browsers must open /ws from a page of this origin. */
  publicUrl: string;
}

/** Clients send nothing but an occasional `{"type":"ping"}`; anything larger is refused. */
const MAX_CLIENT_MESSAGE_BYTES = 1024;

/**
 * GET /ws: live events for the signed-in person (see publish-event.ts). The upgrade is
 * authenticated by the session cookie like any API request (401 before any socket opens) and
 * must come from a page of Tandem itself: cookies travel with cross-site WebSocket handshakes
 * too, and CORS does not apply to them, so without the Origin check any site could listen in.
 */
const realtimePlugin: FastifyPluginAsync<RealtimePluginOptions> = async (app, options) => {
  const hub = new RealtimeHub({
    databaseUrl: options.databaseUrl,
    log: app.log.child({ component: 'realtime' }),
  });
  app.decorate('realtime', hub);
  app.metrics.countWebSockets(() => hub.connections);
  await app.register(websocket, {
    options: { maxPayload: MAX_CLIENT_MESSAGE_BYTES },
    // Fastify waits for every open connection before its onClose hooks run, upgraded sockets
    // included: close them first, so that shutting down is not held up by open browser tabs.
    preClose: async () => {
      await hub.close();
      for (const socket of app.websocketServer.clients) socket.terminate();
      app.websocketServer.close();
    },
  });
  app.addHook('onReady', () => hub.start());
  app.addHook('onClose', () => hub.close());
  // An upgrade refused by a hook that runs before @fastify/websocket's (the access check's
  // 401) leaves the connection, no longer HTTP's, open: close it once the answer is out.
  app.addHook('onResponse', async (request) => {
    if (!request.ws && request.headers.upgrade?.toLowerCase() === 'websocket')
      request.raw.socket?.destroy?.();
  });

  const origin = new URL(options.publicUrl).origin;
  const sameOrigin = async (request: FastifyRequest, reply: FastifyReply) => {
    const source = request.headers.origin;
    if (source && URL.canParse(source) && new URL(source).origin === origin) return;
    return reply.code(403).send({
      statusCode: 403,
      error: 'Forbidden',
      message: `Live events are for pages of ${origin}.`,
    });
  };

  app.get(
    '/ws',
    { websocket: true, config: { access: 'participant' }, onRequest: sameOrigin },
    (socket, request) => hub.join(signedIn(request).id, socket),
  );
};

export default fp(realtimePlugin, {
  name: 'tandem-realtime',
  fastify: '5.x',
  dependencies: ['tandem-orm', 'tandem-auth', 'tandem-metrics'],
});
