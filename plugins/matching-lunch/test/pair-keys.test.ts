import type { MatchInput } from '@tandem/plugin-sdk';
import { generateMatchInput } from '@tandem/plugin-testkit';
import t from 'tap';
import { MET, pairKeys } from '../src/pair-keys.js';

/** Rounds with every kind of pair a key can rank, some people without department or time. */
function rounds(): [string, MatchInput][] {
  return [5, 60, 700].flatMap((count) => {
    const input = generateMatchInput({ count, seed: count, kind: 'peer-lunch' });
    // Many earlier partners, so that repeats rank among the first keys of small rounds.
    const ids = input.candidates.map((c) => c.personId);
    const history = ids.flatMap((p, i) =>
      [i + 1, i + 7].map((j): [string, string] => [p, ids[j % count] ?? p]),
    );
    const candidates = input.candidates.map((c, i) =>
      i % 9 === 0
        ? { ...c, profile: { ...c.profile, department: undefined, availability: [] } }
        : c,
    );
    const variants: [string, MatchInput['programme']['rules']][] = [
      ['no rules', {}],
      ['different departments', { department: 'different' }],
      ['lunch times planned', { sessionMinutes: 60, department: 'different' }],
    ];
    return variants.map(([label, rules]): [string, MatchInput] => [
      `${count} people, ${label}`,
      { ...input, candidates, history, programme: { ...input.programme, rules } },
    ]);
  });
}

t.test('one pass over all pairs gives everyone the keys of their own scan', async (t) => {
  for (const [label, input] of rounds()) {
    const keys = pairKeys(input);
    const n = input.candidates.length;
    const buffer = new Float64Array(n);
    const bounds = [keys.around(8), keys.around(240), keys.end].map((to) => Math.min(to, keys.end));
    for (const to of bounds) {
      const band = keys.band(to);
      let [differing, compared, late] = [0, 0, 0];
      for (let a = 0; a < n; a++) {
        const own = buffer.slice(0, keys.collect(a, 0, to, buffer)).sort();
        const found = band.keys.slice(band.start[a], band.start[a + 1]).sort();
        if (own.join() !== found.join()) differing++;
        compared += own.length;
        late += own.filter((key) => keys.rank(key) >= MET).length;
      }
      t.equal(
        differing,
        0,
        `${label}, keys below ${to}: ${compared} alike, ${late} met before or of one department`,
      );
    }
  }
});
