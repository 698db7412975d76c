import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXIT_CONFIG, OperatorError } from './errors.js';

/**
 * Docker and Kubernetes secrets arrive as files, not variables. For every variable `X` that
 * `isVariable` accepts, `X_FILE` names a file (relative to `cwd`) whose trimmed content becomes
 * `X`'s value; the rest of the environment is returned unchanged. Setting both `X` and `X_FILE`
 * is refused rather than one silently winning.
 *
 * @throws OperatorError naming the `_FILE` variable when its file is unreadable or empty.
 */
export function readFileVariables(
  source: NodeJS.ProcessEnv,
  cwd: string,
  isVariable: (name: string) => boolean,
): NodeJS.ProcessEnv {
  const env = { ...source };
  for (const [fileVariable, path] of Object.entries(source)) {
    const name = fileVariable.replace(/_FILE$/, '');
    if (name === fileVariable || !path?.trim() || !isVariable(name)) continue;
    if (source[name]?.trim()) fail(`set either ${name} or ${fileVariable}, not both`);
    env[name] = fileContent(fileVariable, resolve(cwd, path.trim()));
  }
  return env;
}

function fileContent(fileVariable: string, path: string): string {
  let content: string;
  try {
    content = readFileSync(path, 'utf8').trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return fail(`${fileVariable}: cannot read ${path} (${code})`);
  }
  if (!content) fail(`${fileVariable}: ${path} is empty`);
  return content;
}

function fail(message: string): never {
  throw new OperatorError(`Invalid configuration: ${message}`, EXIT_CONFIG);
}
