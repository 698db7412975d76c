import { createRequire } from 'node:module';
import type { Locale } from '@tandem/plugin-sdk';
import PDFDocument from 'pdfkit';
import type { CertificateStatements } from './certificate-schemas.js';
import { CERTIFICATE_WORDING } from './certificate-texts.js';

/**
 * DejaVu Sans from its npm package (Bitstream Vera licence), so that every letter of a name
 * (ä, ß, ł, …) and German quotes print the same on any server, with no system font needed.
 */
const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const LANGUAGE_TAGS = { de: 'de-DE', en: 'en-GB' } as const;

/**
 * The certificate as a tagged PDF (PDF 1.7, structure tree, document language, title shown in
 * the window), with real text in an embedded font: a screen reader reads it in order, and
 * pdftotext or a copy gets the words.
 *
 * @param verifyUrl where anyone confirms the certificate by its number.
 */
export async function certificatePdf(
  certificate: CertificateStatements & { locale: Locale },
  verifyUrl: string,
): Promise<Buffer> {
  const words = CERTIFICATE_WORDING[certificate.locale];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 64,
    pdfVersion: '1.7',
    tagged: true,
    lang: LANGUAGE_TAGS[certificate.locale],
    displayTitle: true,
    info: {
      Title: `${words.title}: ${certificate.holderName}`,
      Author: 'Tandem',
      Creator: 'Tandem',
      Subject: certificate.programmeName,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('text', FONT).registerFont('bold', BOLD);

  const body = doc.struct('Document');
  doc.addStructure(body);
  const text = (
    value: string,
    options: { font?: 'text' | 'bold'; size?: number; type?: string } = {},
  ) =>
    doc
      .font(options.font ?? 'text')
      .fontSize(options.size ?? 12)
      .text(value, { structParent: body, structType: options.type ?? 'P', paragraphGap: 6 });
  const statement = (label: string, value: string) => text(`${label}: ${value}`);

  text(words.title, { font: 'bold', size: 26, type: 'H1' });
  doc.moveDown();
  text(certificate.holderName, { font: 'bold', size: 18 });
  text(words.tookPart(certificate.programmeName));
  doc.moveDown();
  statement(
    words.period,
    `${words.day(certificate.periodStart)} – ${words.day(certificate.periodEnd)}`,
  );
  statement(words.sessions, String(certificate.sessionsHeld));
  statement(words.hours, words.hoursValue(certificate.hours));
  if (certificate.organisationName) statement(words.organisation, certificate.organisationName);
  if (certificate.topics.length > 0) {
    doc.moveDown();
    text(words.topics, { font: 'bold', size: 14, type: 'H2' });
    doc.font('text').fontSize(12).list(certificate.topics, { structParent: body });
  }
  doc.moveDown(2);
  statement(words.issued, words.day(certificate.issuedOn));
  statement(words.number, certificate.number);
  doc.font('text').fontSize(10);
  const link = doc.struct('Link', {}, () =>
    doc.text(`${words.verify}: ${verifyUrl}`, { link: verifyUrl, underline: true }),
  );
  body.add(link);
  body.end();
  doc.end();
  return finished;
}
