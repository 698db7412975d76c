import t from 'tap';
import { holidayCalendar } from '../src/modules/meetings/holiday-calendar.js';

t.test('nationwide holidays count everywhere in Germany', async (t) => {
  const de = holidayCalendar('DE');
  t.equal(de.region, 'DE');
  t.equal(de.holidayOn('2026-10-03'), 'Tag der Deutschen Einheit');
  t.equal(de.holidayOn('2026-12-25'), '1. Weihnachtstag');
  t.equal(de.holidayOn('2026-10-05'), undefined, 'an ordinary Monday');
  t.equal(de.holidayOn('2026-11-01'), undefined, 'All Saints is kept only in some states');
});

t.test('state holidays follow the configured state', async (t) => {
  const bavaria = holidayCalendar('DE-BY');
  const berlin = holidayCalendar('DE-BE');
  t.equal(bavaria.holidayOn('2026-11-01'), 'Allerheiligen');
  t.equal(berlin.holidayOn('2026-11-01'), undefined);
  t.equal(berlin.holidayOn('2026-03-08'), 'Internationaler Frauentag');
  t.equal(bavaria.holidayOn('2026-03-08'), undefined);
  t.equal(bavaria.holidayOn('2026-10-03'), 'Tag der Deutschen Einheit', 'nationwide ones too');
});

t.test('only public holidays count, not observances or bank holidays', async (t) => {
  const de = holidayCalendar('DE');
  t.equal(de.holidayOn('2026-12-24'), undefined, 'Christmas Eve is a working day');
  t.equal(de.holidayOn('2026-12-31'), undefined, "New Year's Eve is a working day");
  t.equal(de.holidayOn('2026-04-05'), undefined, 'Easter Sunday is no public holiday in DE');
});

t.test('regions are case-insensitive and spelt canonically', async (t) => {
  const bavaria = holidayCalendar(' de-by ');
  t.equal(bavaria.region, 'DE-BY');
  t.equal(bavaria.holidayOn('2026-01-06'), 'Heilige Drei Könige');
});

t.test('Austrian and Swiss regions work as well', async (t) => {
  t.equal(holidayCalendar('AT-9').holidayOn('2026-10-26'), 'Nationalfeiertag');
  t.equal(holidayCalendar('ch-zh').region, 'CH-ZH');
  t.equal(holidayCalendar('CH-ZH').holidayOn('2026-08-01'), 'Bundesfeiertag');
});

t.test('an unknown region fails with one line telling how to write it', async (t) => {
  t.throws(() => holidayCalendar('DE-XX'), {
    message:
      /^Unknown holiday region "DE-XX": use a country code such as DE, or a state such as DE-BY \(Bavaria\)[^\n]*states of DE: BB, BE, BW/,
  });
  t.throws(() => holidayCalendar('ZZ'), { message: /^Unknown holiday region "ZZ": .*DE-BY/ });
  t.throws(() => holidayCalendar('Bayern'), { message: /^Unknown holiday region "Bayern"/ });
  t.throws(() => holidayCalendar(''), { message: /^Unknown holiday region ""/ });
  for (const region of ['DE-XX', 'ZZ', 'Bayern']) {
    const message = (() => {
      try {
        holidayCalendar(region);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    t.notMatch(message, /\n/, `${region}: a single line`);
  }
});

t.test('dates are read per year, every year', async (t) => {
  const de = holidayCalendar('DE');
  t.equal(de.holidayOn('2027-05-06'), 'Christi Himmelfahrt', 'Ascension 2027');
  t.equal(de.holidayOn('2026-05-14'), 'Christi Himmelfahrt', 'Ascension 2026');
  t.equal(de.holidayOn('2026-05-06'), undefined);
});

t.test('a malformed date is refused rather than read as a working day', async (t) => {
  const de = holidayCalendar('DE');
  t.throws(() => de.holidayOn('3.10.2026'), RangeError);
  t.throws(() => de.holidayOn('2026-10-03T00:00:00Z'), RangeError);
});
