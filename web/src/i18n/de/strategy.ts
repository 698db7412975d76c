/** German for choosing a programme's matching strategy. */
export const templates = {
  'strategy.label': 'Matching-Strategie',
  'strategy.hint': 'Das Plugin, das beim nächsten Matching-Lauf die Paare vorschlägt.',
};
