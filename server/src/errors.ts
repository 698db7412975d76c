/**
 * An error the person running Tandem can act on: bad configuration, a data folder in use, a
 * database out of reach. The CLI prints its message as one line, without a stack trace, and
 * exits with `exitCode`.
 */
export class OperatorError extends Error {
  override readonly name = 'OperatorError';

  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Exit code for a configuration error (EX_CONFIG from sysexits.h). */
export const EXIT_CONFIG = 78;

/** Exit code for a command line that does not parse (EX_USAGE from sysexits.h). */
export const EXIT_USAGE = 64;

/** Exit code when rows of an imported file were rejected (EX_DATAERR from sysexits.h). */
export const EXIT_DATA = 65;

/** Exit code for an input file that cannot be read (EX_NOINPUT from sysexits.h). */
export const EXIT_NO_INPUT = 66;

/** Exit code when a service Tandem needs, such as the directory, cannot be reached (EX_UNAVAILABLE). */
export const EXIT_UNAVAILABLE = 69;
