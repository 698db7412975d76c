/**
 * One rule of a plugin contract, ready to hand to any test framework:
 * `for (const check of contract) test(check.name, check.run)`.
 */
export interface ContractCheck {
  /** What the rule demands, as a test title, e.g. `respects forbidden pairs`. */
  readonly name: string;
  /**
   * Checks the rule; resolves when it holds and rejects with a {@link ContractViolation}
   * saying what went wrong otherwise. Takes no parameters, so frameworks that look at a test
   * function's arity (jest's `done`, node:test's callback style) treat it as promise-based.
   */
  readonly run: () => Promise<void>;
}

/** The error a {@link ContractCheck} rejects with when the plugin breaks the rule. */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
}

/**
 * Makes a {@link ContractCheck}. `run` is a fresh arrow function of no parameters, so it may be
 * passed around unbound and no framework mistakes it for a callback-style test.
 */
export function contractCheck(name: string, body: () => Promise<void> | void): ContractCheck {
  return Object.freeze({
    name,
    run: async () => {
      await body();
    },
  });
}

/**
 * Runs a call into the plugin under test (or into a hook of the test around it) and turns
 * whatever it throws into a {@link ContractViolation} that says what was being asked, keeping
 * the original as `cause`.
 */
export async function pluginCall<T>(what: string, call: () => T | Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new ContractViolation(`${what} threw ${detail}`, { cause: error });
  }
}
