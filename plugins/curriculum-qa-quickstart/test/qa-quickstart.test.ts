import { createTestContext, curriculumContract, pluginConfig } from '@tandem/plugin-testkit';
import t from 'tap';
import quickstart from '../src/index.js';

for (const check of curriculumContract(quickstart)) t.test(check.name, check.run);

const programme = {
  id: 'p1',
  kind: 'reverse-mentoring' as const,
  goals: ['Videokonferenzen sicher leiten'],
  language: 'de' as const,
};

t.test('three sessions two weeks apart, the first framed by the programme goals', async (t) => {
  const { ctx } = createTestContext({ config: pluginConfig(quickstart) });
  const sessions = await quickstart.sessions('de', programme, ctx);
  t.same(
    sessions.map((s) => [s.title, s.offsetWeeks, s.durationMinutes]),
    [
      ['Kennenlernen und Fragen sammeln', 0, 45],
      ['Fragen und Antworten am eigenen Beispiel', 2, 45],
      ['Rückblick und wie es weitergeht', 4, 45],
    ],
  );
  t.equal(sessions[0]?.agenda.at(-1), 'Videokonferenzen sicher leiten');
  t.notOk(sessions[1]?.agenda.includes('Videokonferenzen sicher leiten'));
});

t.test('the session length is configurable within bounds', async (t) => {
  const { ctx } = createTestContext({
    config: pluginConfig(quickstart, { sessionMinutes: 60 }),
  });
  const sessions = await quickstart.sessions('en', { ...programme, language: 'en' }, ctx);
  t.same(
    sessions.map((s) => s.durationMinutes),
    [60, 60, 60],
  );
  t.throws(() => pluginConfig(quickstart, { sessionMinutes: 10 }), /sessionMinutes must be >= 30/);
});
