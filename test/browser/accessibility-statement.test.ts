/**
 * The accessibility statement (BITV 2.0) shows what the operator configured — contact, date,
 * conciliation body — and, where nothing is configured, says whom to ask and names the
 * conciliation body under § 16 BGG. In both languages, and open to everyone.
 */
import t from 'tap';
import { checkA11y, startTandem, switchLanguage, visit } from './helpers/tandem-browser.js';

t.setTimeout(120_000);

t.test('with the operator’s facts', async (t) => {
  const site = await startTandem(t, {
    env: {
      ACCESSIBILITY_CONTACT_EMAIL: 'barrierefreiheit@lfd.example',
      ACCESSIBILITY_CONTACT_URL: 'https://lfd.example/kontakt',
      ACCESSIBILITY_STATEMENT_DATE: '2026-11-02',
      ACCESSIBILITY_ENFORCEMENT_BODY:
        'Schlichtungsstelle des Landes, Musterstraße 1, 12345 Musterstadt',
    },
  });
  const page = await site.open(t, { language: 'de' });
  const heading = await visit(page, '/accessibility');
  t.equal((await heading.textContent())?.trim(), 'Erklärung zur Barrierefreiheit', 'the heading');
  await page.getByText('teilweise mit den Web Content Accessibility Guidelines').waitFor();
  t.equal(
    await page.getByRole('link', { name: 'barrierefreiheit@lfd.example' }).getAttribute('href'),
    'mailto:barrierefreiheit@lfd.example',
    'the contact email is a mailto link',
  );
  t.equal(
    await page.getByRole('link', { name: 'Kontaktformular' }).getAttribute('href'),
    'https://lfd.example/kontakt',
    'the contact form is a link',
  );
  await page.getByText('am 2. November 2026 erstellt').waitFor();
  await page.getByText('Schlichtungsstelle des Landes, Musterstraße 1').waitFor();
  t.pass('date and conciliation body are shown');
  await checkA11y(t, page, 'statement with operator facts (de)');

  await switchLanguage(page, 'en');
  await page.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor();
  // English in a German browser: no English region to follow, so the plain 'en' style.
  await page.getByText('made or last reviewed on November 2, 2026').waitFor();
  t.pass('the English statement has the date in English');
  await checkA11y(t, page, 'statement with operator facts (en)');
});

t.test('without configuration', async (t) => {
  const site = await startTandem(t);
  const page = await site.open(t, { language: 'en' });
  await visit(page, '/accessibility');
  await page.getByText('Please contact the organisation that runs this site').waitFor();
  t.equal(await page.getByRole('link', { name: /^mailto:/ }).count(), 0, 'no contact link');
  t.equal(await page.getByText('last reviewed on').count(), 0, 'no date');
  t.equal(
    await page
      .getByRole('link', { name: 'Website of the conciliation body under § 16 BGG' })
      .getAttribute('href'),
    'https://www.schlichtungsstelle-bgg.de/',
    'the general conciliation body is named',
  );
  for (const heading of [
    'Conformance status',
    'Easy Language and sign language',
    'Content that is not accessible yet',
    'How this statement was made',
    'Feedback and contact',
    'Enforcement procedure',
  ])
    await page.getByRole('heading', { name: heading }).waitFor();
  t.pass('every part of a BITV statement is there');
});
