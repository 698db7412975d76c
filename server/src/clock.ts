/**
 * What time it is, for services that plan and time meetings. The real clock everywhere except
 * the season test, which runs a half-year of meetings in minutes on a clock of its own.
 */
export type Clock = () => Date;

export const realClock: Clock = () => new Date();
