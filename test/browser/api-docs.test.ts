/**
 * The API reference page prints each schema whole, though the document names shared schemas
 * once in its components: a body shows its fields, titled with the schema's name.
 */
import t from 'tap';
import { startTandem, visit } from './helpers/tandem-browser.js';

t.setTimeout(120_000);

t.test('a named body is written out in place, under its name', async (t) => {
  const site = await startTandem(t);
  const page = await site.open(t, { language: 'en' });
  await visit(page, '/api/docs');
  const operation = page.locator('li.operation', {
    has: page.getByRole('heading', { level: 3, name: 'POST /api/admin/programmes', exact: true }),
  });
  await operation.getByText('Parameters and schemas').click();
  await operation.getByText('Schema (application/json)').first().click();
  const body = (await operation.locator('pre').first().textContent()) ?? '';
  t.match(body, /"title": "CreateProgramme"/, 'titled with its name');
  t.match(body, /"curriculum": \{/, 'with its fields');
  t.notMatch(body, /\$ref/, 'not a bare reference');
});
