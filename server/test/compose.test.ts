/**
 * The compose files, read as Docker Compose reads them (no Docker engine needed): every service
 * is health-checked and waited for, images are pinned, Tandem gets only variables it reads,
 * and the production file sets what production needs without holding a secret itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import email from '@tandem/channel-email';
import t from 'tap';
import { parse } from 'yaml';
import { EnvSchema } from '../src/config.js';
import { pluginVariable } from '../src/plugin-host/plugin-config.js';

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number | boolean>;
  healthcheck?: { test?: string[] | string; disable?: boolean };
  depends_on?: Record<string, { condition?: string }>;
  ports?: string[];
  secrets?: string[];
  command?: string[];
  restart?: string;
  volumes?: string[];
}
interface ComposeFile {
  services: Record<string, Service>;
  secrets?: Record<string, { file?: string; environment?: string }>;
}

const dockerDir = join(import.meta.dirname, '../../docker');
const docsDir = join(import.meta.dirname, '../../docs/operators');
const files = {
  quickStart: 'compose.yaml',
  production: 'compose.production.yaml',
} as const;
const compose = (file: string) => parse(readFileSync(join(dockerDir, file), 'utf8')) as ComposeFile;

/** What NODE_ENV=production needs, as a variable or its `_FILE`. */
const REQUIRED_IN_PRODUCTION = [
  'DATABASE_URL',
  'PUBLIC_URL',
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'NOTES_ENCRYPTION_KEYS',
  'TRUST_PROXY',
  'TANDEM_PLUGIN_EMAIL_HOST',
  'TANDEM_PLUGIN_EMAIL_FROM',
];
const emailVariables = Object.keys(email.configSchema.properties ?? {}).map((field) =>
  pluginVariable('email', field),
);

for (const file of Object.values(files)) {
  const { services } = compose(file);

  /** A service that runs to completion, such as `tandem migrate`: waited for, not checked. */
  const oneShot = (service: Service | undefined) => service?.restart === 'no';

  t.test(`${file}: every service is health-checked and waited for`, async (t) => {
    for (const [name, service] of Object.entries(services)) {
      if (!oneShot(service)) t.ok(service.healthcheck?.test, `${name} has a health check`);
      t.notOk(service.healthcheck?.disable, `${name}'s health check is on`);
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        t.ok(services[dependency], `${name} depends on the service ${dependency}`);
        const awaited = oneShot(services[dependency])
          ? 'service_completed_successfully'
          : 'service_healthy';
        t.equal(condition, awaited, `${name} waits until ${dependency} is ${awaited}`);
      }
    }
  });

  t.test(`${file}: Tandem connects as tandem_app; only migrate has the owner's URL`, async (t) => {
    const url = (service: Service | undefined, name: string) =>
      String(service?.environment?.[name] ?? service?.environment?.[`${name}_FILE`] ?? '');
    const { migrate, tandem, postgres } = services;
    t.same(migrate?.command, ['migrate']);
    t.ok(url(migrate, 'MIGRATION_DATABASE_URL'), 'migrate runs as the owner');
    t.ok(url(migrate, 'DATABASE_URL'), 'and grants the role of DATABASE_URL');
    t.equal(tandem?.depends_on?.migrate?.condition, 'service_completed_successfully');
    for (const [name, service] of Object.entries(services))
      if (name !== 'migrate')
        t.notOk(url(service, 'MIGRATION_DATABASE_URL'), `${name} has no owner's URL`);
    if (file === files.quickStart) {
      t.match(url(tandem, 'DATABASE_URL'), /^postgres:\/\/tandem_app:/);
      t.equal(url(migrate, 'DATABASE_URL'), url(tandem, 'DATABASE_URL'));
    } else t.equal(url(migrate, 'DATABASE_URL'), url(tandem, 'DATABASE_URL'), 'the same secret');
    t.ok(
      postgres?.volumes?.includes(
        './postgres/create-app-role.sh:/docker-entrypoint-initdb.d/create-app-role.sh:ro',
      ),
      'a new volume gets the role tandem_app',
    );
  });

  t.test(`${file}: Debian's docker-compose 1.29 reads it too`, async (t) => {
    // 1.29 refuses a top-level `name:` (and any other key Compose v2 added at the top).
    const keys = Object.keys(compose(file)).filter((key) => !key.startsWith('x-'));
    t.same(
      keys.filter((key) => !['services', 'volumes', 'secrets', 'networks'].includes(key)),
      [],
    );
  });

  t.test(`${file}: images are pinned`, async (t) => {
    for (const [name, { image, build }] of Object.entries(services)) {
      const tag = image?.match(/:([^/]+)$/)?.[1];
      t.ok(tag, `${name}'s image ${image} has a tag`);
      t.not(tag, 'latest', `${name}'s image is not :latest`);
      // A built image names its own tag; a pulled one a version.
      if (!build) t.match(tag, /\d/, `${name}'s image ${image} names a version`);
    }
  });

  t.test(`${file}: Tandem gets only variables it reads`, async (t) => {
    const environment = services.tandem?.environment ?? {};
    t.ok(Object.keys(environment).length, 'tandem has an environment');
    for (const variable of Object.keys(environment)) {
      const name = variable.replace(/_FILE$/, '');
      const known = name in EnvSchema.properties || emailVariables.includes(name);
      t.ok(known, `${variable} is in EnvSchema or the email plugin's config`);
    }
  });

  t.test(`${file}: the health check asks the management port Tandem listens on`, async (t) => {
    const tandem = services.tandem as Service;
    const check = [tandem.healthcheck?.test ?? []].flat().join(' ');
    const port = String(tandem.environment?.MANAGEMENT_PORT);
    t.match(check, `http://127.0.0.1:${port}/health/ready`);
  });
}

t.test('quick start: mail goes to Mailpit, whose web UI is published', async (t) => {
  const { services } = compose(files.quickStart);
  const host = services.tandem?.environment?.TANDEM_PLUGIN_EMAIL_HOST;
  t.equal(host, 'mailpit');
  t.match(services.mailpit?.image, /^axllent\/mailpit:v\d/);
  t.ok(
    services.mailpit?.ports?.some((port) => port.endsWith(':8025')),
    'the web UI on 8025',
  );
  t.equal(services.tandem?.depends_on?.mailpit?.condition, 'service_healthy');
});

t.test('production: what production needs is set, by value or file', async (t) => {
  const { services } = compose(files.production);
  const environment = services.tandem?.environment ?? {};
  for (const name of REQUIRED_IN_PRODUCTION) {
    t.ok(environment[name] ?? environment[`${name}_FILE`], `${name} is set`);
  }
  t.match(String(environment.PUBLIC_URL), /^https:\/\//, 'PUBLIC_URL is https');
  t.notOk(services.keycloak, 'no development Keycloak');
  t.notOk(services.mailpit, 'no mail catcher');
  const command = JSON.stringify(services.tandem);
  t.notMatch(command, /--demo/, 'no demo');
});

t.test('production: secrets come from files, never from the compose file', async (t) => {
  const { services, secrets = {} } = compose(files.production);
  const secretLike = /PASSWORD|SECRET|KEYS?$|TOKEN|DATABASE_URL/;
  for (const [name, service] of Object.entries(services)) {
    for (const [variable, value] of Object.entries(service.environment ?? {})) {
      if (!secretLike.test(variable)) continue;
      t.match(variable, /_FILE$/, `${name}: ${variable} is read from a file`);
      t.match(String(value), /^\/run\/secrets\//, `${name}: ${variable} names a Docker secret`);
      const secret = String(value).replace('/run/secrets/', '');
      t.ok(service.secrets?.includes(secret), `${name} is given the secret ${secret}`);
      t.ok(secrets[secret]?.file, `the secret ${secret} is a file`);
    }
  }
  const text = readFileSync(join(dockerDir, files.production), 'utf8');
  t.notMatch(text, /[A-Za-z0-9+/]{43}=/, 'no base64 key');
  t.notMatch(text, /postgres:\/\/[^@\s]*:[^@\s]*@/, 'no database password in a URL');
});

t.test('production: every variable is explained in production.md', async (t) => {
  const { services } = compose(files.production);
  const doc = readFileSync(join(docsDir, 'production.md'), 'utf8');
  for (const variable of Object.keys(services.tandem?.environment ?? {})) {
    t.ok(doc.includes(variable), `production.md names ${variable}`);
  }
});

t.test(
  'the Dockerfile builds offline-friendly on Node.js 24, without the embedded PostgreSQL',
  async (t) => {
    const dockerfile = readFileSync(join(dockerDir, 'Dockerfile'), 'utf8');
    // A `# syntax=` line makes BuildKit pull the frontend image first: no build without a registry.
    t.notMatch(dockerfile, /^#\s*syntax\s*=/im, 'no syntax directive');
    t.match(dockerfile, /^ARG NODE_IMAGE=node:24-bookworm-slim$/m, 'Node.js 24 LTS by default');
    const stages = dockerfile.match(/^FROM .*$/gm) ?? [];
    t.equal(stages.length, 2, 'two stages');
    for (const stage of stages) t.match(stage, /^FROM \$\{NODE_IMAGE\}( AS build)?$/, 'on it');
    t.match(dockerfile, /deploy --prod --no-optional /, 'optional dependencies left out');
  },
);
