import type { Page } from 'playwright-core';
import { visit } from './tandem-browser.js';

/**
 * Goes through Digital fit's enrolment wizard in English as a digital mentor (AI assistants,
 * German, either format, one weekly time) and presses "Join programme": the page then offers
 * the starting survey.
 */
export async function enrolAsDigitalMentor(page: Page, programmeId: string): Promise<void> {
  const next = async (title: string) => {
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
  };
  await visit(page, `/programmes/${programmeId}/enrol`);
  await page.getByRole('radio', { name: /Digital mentor/ }).check();
  await next('Skills');
  await page
    .getByRole('group', { name: 'Digital skills and experience I can share' })
    .getByRole('checkbox', { name: 'AI assistants' })
    .check();
  await next('Experience and how you meet');
  await page.getByLabel('Years of working experience').fill('7');
  const german = page
    .getByRole('group', { name: 'Languages I can meet in' })
    .getByRole('checkbox', { name: 'German' });
  if (!(await german.isChecked())) await german.check();
  await page
    .getByRole('group', { name: 'How I would like to meet' })
    .getByRole('radio', { name: 'Either' })
    .check();
  await next('Availability and goals');
  await page.getByRole('button', { name: 'Add a time' }).click();
  await page.getByLabel('Day 1', { exact: true }).selectOption({ index: 0 });
  await page.getByLabel('From 1', { exact: true }).fill('08:00');
  await page.getByLabel('To 1', { exact: true }).fill('16:00');
  await next('Review and confirm');
  await page.getByRole('button', { name: 'Join programme' }).click();
}
