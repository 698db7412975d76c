import { type DoctorCheck, doctorChecks } from './doctor-checks.js';

const MARK = { ok: '✓', failed: '✗', warning: '!', skipped: '–' } as const;

/**
 * `tandem doctor`: checks configuration, database, identity provider, plugins and mail server,
 * one line each, with how to fix what failed; exits 1 when anything did.
 */
export async function doctorCommand(env: NodeJS.ProcessEnv): Promise<void> {
  const checks = await doctorChecks(env);
  console.log(checks.map(doctorLine).join('\n'));
  if (checks.some((check) => check.status === 'failed')) process.exitCode = 1;
}

export function doctorLine(check: DoctorCheck): string {
  const line = `${MARK[check.status]} ${check.name}: ${check.detail}`;
  return check.fix ? `${line}\n    fix: ${check.fix}` : line;
}
