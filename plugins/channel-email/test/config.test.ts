import {
  createTestContext,
  pluginConfig,
  prepareConfig,
  sampleMessage,
} from '@tandem/plugin-testkit';
import t from 'tap';
import email from '../src/index.js';

const base = { host: 'smtp.example.org', from: 'tandem@example.org' };

t.test('defaults: port 587, STARTTLS, sender name Tandem, 5 connections', async (t) => {
  t.same(pluginConfig(email, base), {
    ...base,
    port: 587,
    secure: false,
    fromName: 'Tandem',
    maxConnections: 5,
  });
});

t.test('a user without a password is refused, naming the password', async (t) => {
  t.same(prepareConfig(email.configSchema, { ...base, user: 'tandem' }), {
    problem: 'does not fit configSchema: /password is required',
  });
});

t.test('a password without a user is refused, naming the user', async (t) => {
  t.same(prepareConfig(email.configSchema, { ...base, password: 'secret' }), {
    problem: 'does not fit configSchema: /user is required',
  });
});

t.test('host and from are required; from must be an email address', async (t) => {
  t.match(prepareConfig(email.configSchema, { from: base.from }), { problem: '/host is required' });
  t.match(prepareConfig(email.configSchema, { host: base.host }), { problem: '/from is required' });
  t.match(prepareConfig(email.configSchema, { ...base, from: 'Tandem' }), {
    problem: '/from must match format "email"',
  });
});

t.test('variables arrive as text: port and secure are converted', async (t) => {
  const given = { ...base, port: '465', secure: 'true' } as unknown as typeof base;
  t.match(pluginConfig(email, given), { port: 465, secure: true });
});

t.test('half a login that skipped validation is refused at send, naming the field', async (t) => {
  const config = { ...pluginConfig(email, base), user: 'tandem' };
  const result = await email.send(sampleMessage(), createTestContext({ config }).ctx);
  t.same(result, {
    status: 'failed-permanently',
    reason: 'config field password is missing: set both user and password, or neither',
  });
});

t.test('every field has a description for operators', async (t) => {
  const fields: Record<string, { description?: string }> = email.configSchema.properties;
  for (const [field, schema] of Object.entries(fields))
    t.ok((schema.description ?? '').length > 10, field);
});
