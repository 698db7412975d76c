/**
 * An admin sets up a chat webhook for a team on the Plugins page — a secret typed in as its
 * value is refused in words, a reference to a variable is taken — and chooses it in a
 * programme's settings, with another matching strategy; both choices are there after a reload.
 */
import t from 'tap';
import { DIGITAL_FIT, programmeId } from './helpers/demo-data.js';
import { checkA11y, signIn, startTandem, switchLanguage, visit } from './helpers/tandem-browser.js';

t.setTimeout(180_000);

const ADMIN = 'Matthias Keller';

t.test('an admin adds a channel instance and a programme chooses it', async (t) => {
  process.env.TANDEM_SECRET_SALES_HOOK = 'https://chat.agency.example/hooks/sales';
  t.teardown(() => {
    delete process.env.TANDEM_SECRET_SALES_HOOK;
  });
  const site = await startTandem(t);
  const digitalFit = await programmeId(site.databaseUrl, DIGITAL_FIT);
  const page = await site.open(t, { language: 'en' });
  await signIn(page, ADMIN);
  await switchLanguage(page, 'en');
  await visit(page, '/admin/plugins');
  await page.getByRole('heading', { name: 'Add an instance' }).waitFor();
  await page.getByLabel('Channel', { exact: true }).selectOption('webhook');
  await page.getByLabel('Name', { exact: true }).fill('Sales chat');
  const config = page.getByLabel('Configuration (JSON)');
  await config.fill('{ "url": "https://chat.agency.example/hooks/sales" }');
  await page.getByRole('button', { name: 'Add instance' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  t.match(
    await alert.textContent(),
    /The setting url is not valid: it is a secret, so give a reference instead of the value/,
    'in words',
  );

  await config.fill('{ "url": { "env": "TANDEM_SECRET_SALES_HOOK" } }');
  await page.getByRole('button', { name: 'Add instance' }).click();
  const row = page.getByRole('row', { name: /Sales chat/ });
  await row.waitFor();
  t.match(await row.textContent(), /TANDEM_SECRET_SALES_HOOK/, 'listed with its reference');
  t.notMatch(await row.textContent(), /hooks\/sales/, 'never the secret');
  await checkA11y(t, page, 'the Plugins page with a channel instance');

  await visit(page, `/admin/programmes/${digitalFit}`);
  const choice = page.getByLabel('Instance for Team chat (webhook)');
  await choice.selectOption({ label: 'Sales chat' });
  const strategy = page.getByLabel('Matching strategy');
  t.equal(await strategy.inputValue(), 'weighted', "the programme's strategy is chosen");
  t.same(
    (await strategy.locator('option').allTextContents()).map((name) => name.trim()).sort(),
    ['lunch', 'weighted'],
    'the active strategies are offered',
  );
  await strategy.selectOption('lunch');
  const saved = page.waitForResponse(
    (answer) => answer.request().method() === 'PATCH' && answer.url().includes(digitalFit),
  );
  await page.getByRole('button', { name: 'Save settings' }).click();
  t.equal((await saved).status(), 200, 'saved');
  await page.reload();
  await page.getByLabel('Instance for Team chat (webhook)').waitFor();
  t.equal(
    await page
      .getByLabel('Instance for Team chat (webhook)')
      .locator('option:checked')
      .textContent(),
    'Sales chat',
    'the programme keeps its choice',
  );
  t.equal(await page.getByLabel('Matching strategy').inputValue(), 'lunch', 'and its strategy');

  await switchLanguage(page, 'de');
  await visit(page, '/admin/plugins');
  await page.getByLabel('Kanal', { exact: true }).selectOption('webhook');
  await page.getByLabel('Name', { exact: true }).fill('Vertrieb');
  await page.getByLabel('Konfiguration (JSON)').fill('{ "url": { "env": "DATABASE_URL" } }');
  await page.getByRole('button', { name: 'Instanz hinzufügen' }).click();
  await page.getByRole('alert').waitFor();
  t.match(
    await page.getByRole('alert').textContent(),
    /Die Einstellung url ist ungültig: Nur Variablen, deren Name mit TANDEM_SECRET_ beginnt, können genannt werden, nicht DATABASE_URL\./,
    'the refusal in German too',
  );
});
