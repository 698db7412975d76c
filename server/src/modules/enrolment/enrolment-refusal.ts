import type { ServiceErrorParams } from '../../service-error.js';

/**
 * Why someone cannot enrol: a code with values for the web app to word in the reader's
 * language (`enrolment.opens`, `{ at }`), and the English sentence for API users.
 */
export interface EnrolmentRefusal {
  code: string;
  params: ServiceErrorParams;
  message: string;
}

export const refusal = (
  code: string,
  message: string,
  params: ServiceErrorParams = {},
): EnrolmentRefusal => ({ code, params, message });
