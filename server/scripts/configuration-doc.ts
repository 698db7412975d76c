/**
 * docs/operators/configuration.md, generated from the config schema so the two never drift:
 * `pnpm docs:config` writes it, and a test fails when it is out of date.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EnvSchema, expectation } from '../src/config.js';

export const configurationDocPath = join(
  import.meta.dirname,
  '../../docs/operators/configuration.md',
);

export function renderConfigurationDoc(): string {
  const rows = Object.entries(EnvSchema.properties).map(([name, schema]) => {
    const fallback = schema.default === undefined ? '—' : `\`${schema.default}\``;
    return `| \`${name}\` | ${fallback} | ${expectation(schema)} | ${schema.description} |`;
  });
  return `# Configuration

Tandem reads its configuration from environment variables when it starts. Every value is
checked first: a missing or invalid one stops the process with one line that names the
variable and what it must be, and exit code 78. An empty variable counts as unset.

Every variable, \`TANDEM_PLUGIN_*\` ones included, may instead be read from a file: \`<NAME>_FILE\`
names the file, and its content, without leading and trailing white space, is the value. This
is how Docker and Kubernetes secrets arrive (\`NOTES_ENCRYPTION_KEYS_FILE=/run/secrets/notes_keys\`).
A relative path is relative to the working directory. Setting both \`<NAME>\` and \`<NAME>_FILE\`,
or naming a file that cannot be read or is empty, stops the process like an invalid value.

<!-- Generated from server/src/config.ts by \`pnpm docs:config\`; edit the schema, not this table. -->

| Variable | Default | Accepts | Meaning |
| --- | --- | --- | --- |
${rows.join('\n')}
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await writeFile(configurationDocPath, renderConfigurationDoc());
  console.log(`Wrote ${configurationDocPath}`);
}
