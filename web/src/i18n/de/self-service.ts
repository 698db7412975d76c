import { str } from '@lit/localize';

/** German for self-service: suggested partners and tandem requests (partners-page.ts). */
export const templates = {
  'selfService.accept': 'Annehmen',
  'selfService.accept.label': str`${0} als Tandem-Partnerin oder -Partner annehmen`,
  'selfService.accepted': str`Sie und ${0} sind jetzt ein Tandem.`,
  'selfService.ask': str`${0} anfragen`,
  'selfService.askedMe': str`${0} hat Sie bereits angefragt: Beantworten Sie die Anfrage oben.`,
  'selfService.ask.cancel': 'Abbrechen',
  'selfService.ask.heading': str`${0} als Tandem anfragen`,
  'selfService.ask.note': 'Eine kurze Nachricht (freiwillig)',
  'selfService.ask.send': 'Anfrage senden',
  'selfService.ask.text': str`Tandem benachrichtigt ${0}; die Anfrage kann angenommen oder abgelehnt werden. Bis dahin können Sie niemand anderen anfragen, die Anfrage aber zurückziehen.`,
  'selfService.decline': 'Ablehnen',
  'selfService.decline.label': str`Anfrage von ${0} ablehnen`,
  'selfService.declined': str`Sie haben die Anfrage von ${0} abgelehnt.`,
  'selfService.fit': str`Passung: ${0} von 100`,
  'selfService.home':
    'In diesem Programm wählen Sie Ihr Tandem selbst, aus den Kolleginnen und Kollegen, die Tandem Ihnen vorschlägt.',
  'selfService.intro':
    'Tandem schlägt Ihnen diese Kolleginnen und Kollegen vor. Fragen Sie eine Person an: Sie wird benachrichtigt und kann annehmen oder ablehnen.',
  'selfService.none': 'Gerade kann Tandem niemanden vorschlagen. Schauen Sie später wieder vorbei.',
  'selfService.note': 'Die Nachricht dazu:',
  'selfService.oneAtATime':
    'Sie können jeweils eine Person anfragen. Sobald Ihre Anfrage beantwortet, zurückgezogen oder abgelaufen ist, sehen Sie Ihre Vorschläge wieder.',
  'selfService.pair': 'Ihr Tandem',
  'selfService.pair.text': str`Sie und ${0} sind ein Tandem.`,
  'selfService.received': 'Anfragen an Sie',
  'selfService.sent': 'Meine Anfragen',
  'selfService.sent.done': str`Ihre Anfrage an ${0} ist gesendet.`,
  'selfService.state.accepted': 'Angenommen: Sie sind ein Tandem.',
  'selfService.state.answerBy': str`Bitte antworten Sie bis zum ${0}.`,
  'selfService.state.declined': 'Abgelehnt.',
  'selfService.state.expired': 'Ohne Antwort abgelaufen.',
  'selfService.state.waiting': str`Wartet bis zum ${0} auf Antwort.`,
  'selfService.state.withdrawn': 'Zurückgezogen.',
  'selfService.suggestions': 'Vorgeschlagene Tandem-Partnerinnen und -Partner',
  'selfService.title': 'Tandem wählen',
  'selfService.why': 'Warum:',
  'selfService.withdraw': 'Anfrage zurückziehen',
  'selfService.withdraw.label': str`Meine Anfrage an ${0} zurückziehen`,
  'selfService.withdrawn': str`Ihre Anfrage an ${0} ist zurückgezogen.`,
};
