import { str } from '@lit/localize';

/** German for the demo mailbox, which admins see in demo mode only. */
export const templates = {
  'demoMailbox.title': 'Demo-Postfach',
  'demoMailbox.link': 'Demo-Postfach (gesendete E-Mails)',
  'demoMailbox.intro':
    'Im Demo-Modus verschickt Tandem keine E-Mails: Jede Nachricht, die es senden würde, landet hier, die neueste zuerst. Sie bleibt bis zum Neustart von Tandem erhalten.',
  'demoMailbox.refresh': 'Aktualisieren',
  'demoMailbox.none': 'Noch keine Nachrichten.',
  'demoMailbox.count': str`${0} Nachrichten`,
  'demoMailbox.count.one': str`${0} Nachricht`,
  'demoMailbox.from': 'Von',
  'demoMailbox.to': 'An',
  'demoMailbox.sent': 'Gesendet',
  'demoMailbox.text': 'Text',
  'demoMailbox.calendar': 'Kalender',
  'demoMailbox.when': 'Wann',
  'demoMailbox.sequence': 'Version',
  'demoMailbox.method.request': 'Einladung',
  'demoMailbox.method.cancel': 'Absage',
};
