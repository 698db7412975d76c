import type { Locale } from '@tandem/plugin-sdk';

export interface PairFacts {
  name: string;
  partners: string;
  programme: string;
}

/**
 * To a partner of a dissolved pair: kind, and without the reason, which only admins see.
 * `rematchAtOnce` says whether a new partner comes now or with the next round.
 */
export function dissolvedText(locale: Locale, f: PairFacts, rematchAtOnce: boolean) {
  if (locale === 'en')
    return {
      title: `Your tandem with ${f.partners} ends here`,
      text: `Hello ${f.name},\n\nyour tandem in "${f.programme}" ends here. That happens, and it says nothing about you: not every pair fits. Tandem finds you a new partner ${rematchAtOnce ? 'right away' : 'in the next round'}; the meetings you had planned are cancelled.\n\nThank you for the time you gave.`,
    };
  return {
    title: `Ihr Tandem mit ${f.partners} endet hier`,
    text: `Hallo ${f.name},\n\nIhr Tandem in „${f.programme}“ endet an dieser Stelle. Das kommt vor und sagt nichts über Sie aus: Nicht jedes Paar passt. Tandem sucht Ihnen ${rematchAtOnce ? 'gleich' : 'in der nächsten Runde'} eine neue Tandem-Partnerin oder einen neuen Tandem-Partner; Ihre geplanten Treffen sind abgesagt.\n\nDanke für die Zeit, die Sie eingebracht haben.`,
  };
}

/** To the members of a pair that has not met for weeks: go on, or a new partner? */
export function staleText(locale: Locale, f: PairFacts, weeks: number) {
  if (locale === 'en')
    return {
      title: `Go on with ${f.partners}?`,
      text: `Hello ${f.name},\n\nyou and ${f.partners} have not marked a session done in "${f.programme}" for ${weeks} weeks. Would you like to go on? Say so in Tandem with one click. If it does not fit, you can ask for a new partner there too: discreetly, your partner does not learn why.`,
    };
  return {
    title: `Weiter mit ${f.partners}?`,
    text: `Hallo ${f.name},\n\nseit ${weeks} Wochen haben Sie und ${f.partners} in „${f.programme}“ keine Sitzung als erledigt markiert. Möchten Sie weitermachen? Ein Klick in Tandem genügt. Passt es nicht, können Sie dort auch um eine neue Tandem-Partnerin oder einen neuen Tandem-Partner bitten: diskret, Ihr Gegenüber erfährt den Grund nicht.`,
  };
}
