import type { ContractCheck } from '../../src/index.js';

/** Runs every check and returns the failures: check name → error message. */
export async function failures(checks: readonly ContractCheck[]): Promise<Map<string, string>> {
  const failed = new Map<string, string>();
  for (const check of checks) {
    try {
      await check.run();
    } catch (error) {
      failed.set(check.name, error instanceof Error ? error.message : String(error));
    }
  }
  return failed;
}
