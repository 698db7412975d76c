import { type Static, Type } from '@sinclair/typebox';

/** The calendar event a demo message carries, as a calendar program would read it. */
export const DemoMailEventSchema = Type.Object({
  method: Type.String({ description: 'The iTIP method: REQUEST, CANCEL, …' }),
  summary: Type.String(),
  start: Type.String({ format: 'date-time', description: 'An instant, in UTC.' }),
  end: Type.String({ format: 'date-time', description: 'An instant, in UTC.' }),
  sequence: Type.Integer(),
});

/** One message in the demo mailbox. */
export const DemoMailSchema = Type.Object({
  from: Type.String({ description: 'The sender as the From header shows it.' }),
  to: Type.Array(Type.String()),
  subject: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  text: Type.String(),
  language: Type.Union([Type.String(), Type.Null()], {
    description: 'The language the message says it is in (Content-Language); null if it says none.',
  }),
  event: Type.Union([DemoMailEventSchema, Type.Null()], {
    description: 'The calendar invitation or cancellation; null for a message without one.',
  }),
});
export type DemoMailView = Static<typeof DemoMailSchema>;
export type DemoMailEvent = Static<typeof DemoMailEventSchema>;
