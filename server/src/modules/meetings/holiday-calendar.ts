import Holidays from 'date-holidays';

/** The public holidays of one region, asked day by day while meetings are planned. */
export interface HolidayCalendar {
  /** The region in canonical spelling, e.g. `DE` or `DE-BY`. */
  region: string;
  /**
   * The German name of the public holiday on `date` ('YYYY-MM-DD', a calendar day in the
   * organisation's time zone), or undefined on an ordinary day. Several holidays on one day
   * are joined with " / ". A holiday counts for the whole day even where it starts at noon.
   *
   * @throws RangeError when `date` is not written as 'YYYY-MM-DD'.
   */
  holidayOn(date: string): string | undefined;
}

/** How to write a holiday region, for error messages and configuration docs. */
export const HOLIDAY_REGIONS_HINT =
  'use a country code such as DE, or a state such as DE-BY (Bavaria), DE-BE (Berlin), ' +
  'DE-NW (North Rhine-Westphalia); AT-9 (Vienna) or CH-ZH (Zurich) work too';

const REGION_PATTERN = /^([A-Z]{2})(?:-([A-Z0-9]{1,3}))?$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** One instance answers which countries and states date-holidays knows. */
let catalogue: Holidays | undefined;

/**
 * The public holidays (type `public` only, no bank or school holidays) of a country or of
 * one of its states, from date-holidays.
 *
 * @param region an ISO 3166-1 country code (`DE`: holidays kept nationwide) or an ISO 3166-2
 *   subdivision (`DE-BY`, `AT-9`, `CH-ZH`), case-insensitive.
 * @throws Error naming the region and how to write one, when date-holidays does not know it.
 */
export function holidayCalendar(region: string): HolidayCalendar {
  const { country, state } = parseRegion(region);
  const holidays = new Holidays({ country, state }, { types: ['public'], languages: ['de'] });
  // Planning asks about the same few years again and again, so each year is read once.
  const years = new Map<number, ReadonlyMap<string, string>>();
  const yearOf = (year: number): ReadonlyMap<string, string> => {
    let days = years.get(year);
    if (days === undefined) {
      days = holidaysIn(holidays, year);
      years.set(year, days);
    }
    return days;
  };
  return {
    region: state === undefined ? country : `${country}-${state}`,
    holidayOn(date) {
      if (!DATE_PATTERN.test(date)) {
        throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
      }
      return yearOf(Number(date.slice(0, 4))).get(date);
    },
  };
}

/** Splits and checks a region against what date-holidays knows; throws one clear line. */
function parseRegion(region: string): { country: string; state?: string } {
  const match = REGION_PATTERN.exec(region.trim().toUpperCase());
  const country = match?.[1];
  const state = match?.[2];
  catalogue ??= new Holidays();
  if (country === undefined || !(country in catalogue.getCountries())) {
    throw new Error(`Unknown holiday region "${region}": ${HOLIDAY_REGIONS_HINT}`);
  }
  if (state === undefined) return { country };
  const states = Object.keys(catalogue.getStates(country) ?? {}).map((s) => s.toUpperCase());
  if (!states.includes(state)) {
    const known = states.length > 0 ? `states of ${country}: ${states.join(', ')}` : '';
    const detail = known ? `${HOLIDAY_REGIONS_HINT}; ${known}` : HOLIDAY_REGIONS_HINT;
    throw new Error(`Unknown holiday region "${region}": ${detail}`);
  }
  return { country, state };
}

/** The public holidays of one year by calendar day. */
function holidaysIn(holidays: Holidays, year: number): ReadonlyMap<string, string> {
  const days = new Map<string, string>();
  for (const holiday of holidays.getHolidays(year, 'de')) {
    // The type filter in the constructor is the library's; this keeps the promise explicit.
    if (holiday.type !== 'public') continue;
    const day = holiday.date.slice(0, 10);
    const earlier = days.get(day);
    days.set(day, earlier === undefined ? holiday.name : `${earlier} / ${holiday.name}`);
  }
  return days;
}
