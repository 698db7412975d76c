import { spawn } from 'node:child_process';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'tap';
import { freePort } from '../../src/free-port.js';
import { listening, stopDaemon } from './daemon.js';

/**
 * A throw-away CalDAV server: Debian's Radicale with a service account that may read every
 * person's calendars, each person owning theirs, everything in a tmpdir.
 */
export interface Radicale {
  port: number;
  /** The service account Tandem reads calendars with. */
  user: string;
  password: string;
  /** Each person's calendar, as FREEBUSY_CALDAV_URL takes it. */
  calendarUrl: string;
  /** Creates the person's calendar (with them as owner) and puts these events in it. */
  seed(username: string, events: Record<string, string>): Promise<void>;
  /** REPORT requests for the person's calendar so far, as Radicale logged them. */
  reports(username: string): Promise<number>;
  stop(): Promise<void>;
}

const RADICALE = process.env.RADICALE_PATH ?? '/usr/bin/radicale';
const SERVICE_USER = 'tandem-calendar';
const SERVICE_PASSWORD = 'calendar-secret';

/**
 * Starts Radicale on a free loopback port with a configuration of its own (plain htpasswd,
 * rights from a file, storage in a tmpdir), and stops it when the test ends. People are
 * made on the fly: `seed` adds their login (the password is their name) before it writes.
 */
export async function startRadicale(t: Test): Promise<Radicale> {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-radicale-'));
  const port = await freePort();
  const users = new Set([`${SERVICE_USER}:${SERVICE_PASSWORD}`]);
  const writeUsers = () => writeFile(join(dir, 'users'), `${[...users].join('\n')}\n`);
  await writeUsers();
  await writeFile(join(dir, 'rights'), RIGHTS);
  await writeFile(join(dir, 'config'), configuration(dir, port));
  const log = await open(join(dir, 'radicale.log'), 'w');
  const child = spawn(RADICALE, ['--config', join(dir, 'config')], {
    stdio: ['ignore', log.fd, log.fd],
  });
  const stop = () => stopDaemon(child);
  t.teardown(async () => {
    await stop();
    await log.close();
    await rm(dir, { recursive: true, force: true });
  });
  await listening('radicale', port, child);
  const base = `http://127.0.0.1:${port}`;
  return {
    port,
    user: SERVICE_USER,
    password: SERVICE_PASSWORD,
    calendarUrl: `${base}/{username}/calendar/`,
    async seed(username, events) {
      users.add(`${username}:${username}`);
      await writeUsers();
      const calendar = `${base}/${username}/calendar/`;
      await send(calendar, username, 'MKCALENDAR', undefined, [201, 405, 409]);
      for (const [name, text] of Object.entries(events))
        await send(`${calendar}${name}.ics`, username, 'PUT', text, [201, 204]);
    },
    async reports(username) {
      const text = await readFile(join(dir, 'radicale.log'), 'utf8');
      return text.split('\n').filter((line) => line.includes(`REPORT request for '/${username}/`))
        .length;
    },
    stop,
  };
}

/**
 * The service account reads every calendar (`r`, items; `R`, collections); people read and
 * write their own; everyone may look at the root, as clients do to find their way.
 */
const RIGHTS = `[root]
user: .+
collection:
permissions: R

[service]
user: ${SERVICE_USER}
collection: [^/]+(/.*)?
permissions: Rr

[owner]
user: .+
collection: {user}(/.*)?
permissions: RrWw
`;

function configuration(dir: string, port: number): string {
  return `[server]
hosts = 127.0.0.1:${port}
[auth]
type = htpasswd
htpasswd_filename = ${dir}/users
htpasswd_encryption = plain
# A wrong password is answered at once, not after Radicale's default pause.
delay = 0
[rights]
type = from_file
file = ${dir}/rights
[storage]
filesystem_folder = ${dir}/collections
[logging]
level = info
mask_passwords = true
`;
}

async function send(
  url: string,
  username: string,
  method: string,
  body: string | undefined,
  expected: number[],
): Promise<void> {
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${username}:${username}`).toString('base64')}`,
      ...(body ? { 'content-type': 'text/calendar; charset=utf-8' } : {}),
    },
    body,
  });
  await response.text();
  if (!expected.includes(response.status))
    throw new Error(`${method} ${url} answered ${response.status}`);
}
