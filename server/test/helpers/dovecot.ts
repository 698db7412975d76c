import { spawn } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import type { Test } from 'tap';
import { freePort } from '../../src/free-port.js';
import { listening, stopDaemon } from './daemon.js';

/** A throw-away IMAP server: Debian's dovecot-imapd with one user, no TLS, mail in a tmpdir. */
export interface Dovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  /** `imap://host:port`, as REPLY_IMAP_URL takes it. */
  url: string;
}

const DOVECOT = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';

/**
 * Starts dovecot in the foreground on a free loopback port with a configuration of its own
 * (nothing of the system's mail setup is read), and stops it when the test ends.
 */
export async function startDovecot(t: Test): Promise<Dovecot> {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-dovecot-'));
  const port = await freePort();
  const user = 'tandem-replies';
  const password = 'reply-secret';
  await writeFile(join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
  const owner = mailOwner();
  // The login and mail processes run as other users when dovecot runs as root.
  await chmod(dir, 0o755);
  for (const folder of ['mail', 'home']) {
    await mkdir(join(dir, folder));
    await chown(join(dir, folder), owner.uid, owner.gid);
  }
  await writeFile(join(dir, 'dovecot.conf'), configuration(dir, port, owner));
  const child = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  t.teardown(async () => {
    await stopDaemon(child);
    await rm(dir, { recursive: true, force: true });
  });
  await listening('dovecot', port, child);
  return { host: '127.0.0.1', port, user, password, url: `imap://127.0.0.1:${port}` };
}

/**
 * Who owns the mail. Dovecot refuses uid 0 for mail and for its login process, so as root (CI)
 * they run as nobody; as anyone else, as that user.
 */
function mailOwner(): { uid: number; gid: number; name: string } {
  const { uid, gid, username } = userInfo();
  return uid === 0 ? { uid: 65534, gid: 65534, name: 'nobody' } : { uid, gid, name: username };
}

function configuration(
  dir: string,
  port: number,
  owner: { uid: number; gid: number; name: string },
): string {
  const { username } = userInfo();
  const group = userInfo().uid === 0 ? 'root' : username;
  return `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
# IDLE reports new mail within a second (the default looks every 30 s where inotify is missing).
mailbox_idle_check_interval = 1 secs
first_valid_uid = 0
first_valid_gid = 0
default_login_user = ${owner.name}
default_internal_user = ${username}
default_internal_group = ${group}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${owner.uid} gid=${owner.gid} home=${dir}/home/%u
}
namespace inbox {
  inbox = yes
  separator = /
}
`;
}

/** An IMAP client logged in to the dovecot as its user (a mail client's side), out at the end. */
export async function dovecotClient(t: Test, dovecot: Dovecot): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
  });
  await client.connect();
  t.teardown(() => client.logout().catch(() => undefined));
  return client;
}
