import { execFile, spawn } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { freePort } from '../../src/free-port.js';
import type { DirectorySettings } from '../../src/modules/directory/directory-settings.js';
import { listening, stopDaemon } from './daemon.js';

const SLAPD = process.env.SLAPD_PATH ?? '/usr/sbin/slapd';
const SLAPADD = process.env.SLAPADD_PATH ?? '/usr/sbin/slapadd';
const run = promisify(execFile);

export const BASE_DN = 'dc=agency,dc=test';
export const PEOPLE_DN = `ou=people,${BASE_DN}`;

/** A throw-away OpenLDAP server: Debian's slapd, an mdb database in a tmpdir, a loopback port. */
export interface Slapd {
  url: string;
  /** The read-only service account Tandem binds as. */
  bindDn: string;
  bindPassword: string;
  /** Applies LDIF changes (ldapmodify) as the directory's administrator. */
  modify(ldif: string): Promise<void>;
  stop(): Promise<void>;
}

/** A person in the test directory, with Active Directory's attributes beside inetOrgPerson's. */
export interface DirectoryPerson {
  uid: string;
  name: string;
  mail?: string;
  department?: string;
  title?: string;
  /** The manager's uid. */
  manager?: string;
  language?: string;
  /** AD's userAccountControl: 512 a normal account, 514 a disabled one. */
  userAccountControl?: number;
}

/** The issuer the synced people sign in with. */
export const SLAPD_ISSUER = 'https://idp.test';

/** The environment that points Tandem's directory sync at this slapd, OpenLDAP's mapping. */
export function ldapEnvironment(slapd: Slapd): Record<string, string> {
  return {
    OIDC_ISSUER: SLAPD_ISSUER,
    OIDC_CLIENT_ID: 'tandem',
    OIDC_CLIENT_SECRET: 'secret',
    LDAP_URL: slapd.url,
    LDAP_BIND_DN: slapd.bindDn,
    LDAP_BIND_PASSWORD: slapd.bindPassword,
    LDAP_BASE_DN: PEOPLE_DN,
  };
}

/** The directory settings Tandem reads from `env`, as at start-up. */
export function directorySettingsOf(env: Record<string, string>): DirectorySettings {
  const directory = loadConfig(env).directory;
  if (!directory) throw new Error('LDAP_URL is set');
  return directory;
}

export const personDn = (uid: string) => `uid=${uid},${PEOPLE_DN}`;

/**
 * The LDIF of one person: inetOrgPerson (uid, displayName, mail, departmentNumber, title,
 * manager, preferredLanguage) plus AD's sAMAccountName, department and userAccountControl,
 * so both mappings can be tried on the same entry.
 */
export function personLdif(person: DirectoryPerson): string {
  const lines = [
    `dn: ${personDn(person.uid)}`,
    'objectClass: inetOrgPerson',
    'objectClass: tandemTestAdUser',
    `uid: ${person.uid}`,
    `sAMAccountName: ${person.uid}`,
    `cn: ${person.name}`,
    `sn: ${person.name.split(' ').at(-1)}`,
    `displayName: ${person.name}`,
    `userAccountControl: ${person.userAccountControl ?? 512}`,
  ];
  if (person.mail) lines.push(`mail: ${person.mail}`);
  if (person.department)
    lines.push(`departmentNumber: ${person.department}`, `department: ${person.department}`);
  if (person.title) lines.push(`title: ${person.title}`);
  if (person.manager) lines.push(`manager: ${personDn(person.manager)}`);
  if (person.language) lines.push(`preferredLanguage: ${person.language}`);
  return `${lines.join('\n')}\n\n`;
}

/** What AD has and inetOrgPerson lacks, under AD's own OIDs; the class is the test's. */
const AD_SCHEMA = `attributetype ( 1.2.840.113556.1.4.8 NAME 'userAccountControl'
  EQUALITY integerMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )
attributetype ( 1.2.840.113556.1.4.221 NAME 'sAMAccountName'
  EQUALITY caseIgnoreMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
attributetype ( 1.2.840.113556.1.2.141 NAME 'department'
  EQUALITY caseIgnoreMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
objectclass ( 1.3.6.1.4.1.4203.666.99.1 NAME 'tandemTestAdUser' SUP top AUXILIARY
  MAY ( userAccountControl $ sAMAccountName $ department ) )
`;

/**
 * Starts slapd in the foreground on a free loopback port with a configuration of its own
 * (nothing of the system's LDAP setup is read), its tree loaded offline with slapadd (fast
 * for 50,000 people). The default size limit of 500 stays, as on a real server: only a paged
 * search reads more; the service account may page through all (size.prtotal).
 */
export async function startSlapd(people: Iterable<string>): Promise<Slapd> {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-slapd-'));
  const port = await freePort();
  const adminDn = `cn=admin,${BASE_DN}`;
  const adminPassword = 'admin-secret';
  const bindDn = `cn=tandem,${BASE_DN}`;
  const bindPassword = 'sync-secret';
  await mkdir(join(dir, 'db'));
  await writeFile(join(dir, 'ad.schema'), AD_SCHEMA);
  await writeFile(
    join(dir, 'slapd.conf'),
    `include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include ${dir}/ad.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile ${dir}/slapd.pid
database mdb
maxsize 1073741824
suffix "${BASE_DN}"
rootdn "${adminDn}"
rootpw ${adminPassword}
directory ${dir}/db
limits dn.exact="${bindDn}" size.prtotal=unlimited
`,
  );
  const ldif = join(dir, 'tree.ldif');
  await writeFile(
    ldif,
    `dn: ${BASE_DN}
objectClass: dcObject
objectClass: organization
o: Agency
dc: agency

dn: ${PEOPLE_DN}
objectClass: organizationalUnit
ou: people

dn: ${bindDn}
objectClass: person
cn: tandem
sn: tandem
userPassword: ${bindPassword}

`,
  );
  let chunk = '';
  for (const entry of people) {
    chunk += entry;
    if (chunk.length > 1_000_000) {
      await appendFile(ldif, chunk);
      chunk = '';
    }
  }
  await appendFile(ldif, chunk);
  await run(SLAPADD, ['-q', '-f', join(dir, 'slapd.conf'), '-l', ldif]);
  const url = `ldap://127.0.0.1:${port}`;
  const child = spawn(SLAPD, ['-d', '0', '-f', join(dir, 'slapd.conf'), '-h', `${url}/`], {
    stdio: 'ignore',
  });
  await listening('slapd', port, child);
  return {
    url,
    bindDn,
    bindPassword,
    modify: async (changes) => {
      const modify = spawn('ldapmodify', ['-x', '-H', url, '-D', adminDn, '-w', adminPassword], {
        stdio: ['pipe', 'ignore', 'pipe'],
      });
      let stderr = '';
      modify.stderr.on('data', (data: Buffer) => {
        stderr += data.toString();
      });
      modify.stdin.end(changes);
      const code = await new Promise((resolve) => modify.once('exit', resolve));
      if (code !== 0) throw new Error(`ldapmodify failed (${code}): ${stderr}`);
    },
    stop: async () => {
      await stopDaemon(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
