import { Type } from '@sinclair/typebox';
import type { Locale } from '@tandem/plugin-sdk';
import type { FastifyReply } from 'fastify';
import { preferredLanguage } from './plain-page.js';

/** A CSV file a route offers for download: its name and its text. */
export interface CsvFile {
  filename: string;
  csv: string;
}

/** The 200 answer of a route that offers a CSV file, for the route's response schema. */
export const CsvFileResponse = {
  description: 'A CSV file, offered for download.',
  content: { 'text/csv': { schema: Type.String() } },
};

/** Tells the browser to save the answer under `filename` instead of showing it. */
export function asAttachment(reply: FastifyReply, filename: string): FastifyReply {
  return reply.header('content-disposition', `attachment; filename="${filename}"`);
}

/** Sends a CSV file for download. */
export function sendCsv(reply: FastifyReply, file: CsvFile): FastifyReply {
  return asAttachment(reply.type('text/csv; charset=utf-8'), file.filename).send(file.csv);
}

/**
 * The language of the person downloading a file: the one they chose, else their browser's;
 * undefined leaves it to the organisation's default.
 */
export function readerLocale(
  user: { locale?: Locale | null | undefined },
  acceptLanguage: string | undefined,
): Locale | undefined {
  return user.locale ?? preferredLanguage(acceptLanguage);
}
