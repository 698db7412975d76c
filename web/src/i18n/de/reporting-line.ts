import { str } from '@lit/localize';

/**
 * German for the reporting-line rule: its setting, why the review leaves someone out, and
 * the refusals of a pair across a reporting line.
 */
export const templates = {
  'settings.reportingLineLevels': 'Berichtslinien trennen, bis zu so vielen Ebenen',
  'settings.reportingLineLevelsHint':
    'Niemand wird mit der eigenen Führungskraft, deren Führungskraft und so weiter bis zu so vielen Ebenen zusammengebracht, in beide Richtungen; die Übersicht nennt dann „ausgeschlossen: Berichtslinie“. Wer wen führt, kommt aus dem Verzeichnis. 0 schaltet die Regel aus; 0 bis 10.',
  'explanations.unmatched.reporting-line.any':
    'Ausgeschlossen: Berichtslinie. Alle, die als Partnerin oder Partner in Frage kämen, gehören zu ihr.',
  'explanations.unmatched.reporting-line.one':
    'Ausgeschlossen: Berichtslinie. Alle, die als Partnerin oder Partner in Frage kämen, sind die direkte Führungskraft oder direkt unterstellt.',
  'explanations.unmatched.reporting-line': str`Ausgeschlossen: Berichtslinie. Alle, die als Partnerin oder Partner in Frage kämen, stehen bis zu ${0} Ebenen über oder unter der Person.`,
  'matching.unmatched.reportingLine': str`Ausgeschlossen: Berichtslinie – ${0}`,
  'errors.match.reporting-line': str`Eine der beiden Personen steht in der Berichtslinie der anderen (bis zu ${0} Führungsebenen); dieses Programm bringt sie nie zusammen.`,
  'errors.request.reporting-line': str`Diese Person steht in Ihrer Berichtslinie (bis zu ${0} Führungsebenen); dieses Programm bringt Sie nicht zusammen.`,
};
