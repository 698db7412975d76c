/**
 * deploy/kubernetes as `kubectl apply -k` sends it (no cluster here): every kustomization is
 * rendered by kubectl's own kustomize, load restrictor included, and what it applies exists,
 * web pods are probed on Tandem's health endpoints and protected by a PodDisruptionBudget,
 * every pod runs as non-root on a read-only root file system, and settings are known variables.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import t from 'tap';
import { parseAllDocuments } from 'yaml';
import { EnvSchema } from '../src/config.js';

/** The fields these checks read; everything is optional, as in YAML someone edited. */
interface Probe {
  httpGet?: { path?: string; port?: string | number };
}
interface Container {
  image?: string;
  args?: string[];
  env?: { name: string; value?: string }[];
  ports?: { name?: string; containerPort: number }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: object; limits?: object };
  securityContext?: {
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    capabilities?: { drop?: string[] };
  };
}
interface PodSpec {
  restartPolicy?: string;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers: Container[];
  volumes?: { name: string; secret?: { secretName?: string } }[];
}
interface Manifest {
  kind: string;
  metadata: { name: string; namespace?: string };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  resources?: string[];
  images?: { newTag?: string }[];
  spec?: {
    replicas?: number;
    selector?: { matchLabels?: Record<string, string> };
    template?: { spec: PodSpec };
    minAvailable?: number;
    tls?: { secretName?: string }[];
    rules?: { http: { paths: { backend: { service: { name: string } } }[] } }[];
  };
}

const deploy = join(import.meta.dirname, '../../deploy');
const dir = join(deploy, 'kubernetes');
const parse = (text: string): Manifest[] =>
  parseAllDocuments(text).map((doc) => doc.toJS() as Manifest);
const read = (file: string): Manifest[] => parse(readFileSync(join(dir, file), 'utf8'));

/** .ci/run installs Debian's kubernetes-client where no kubectl is on the PATH. */
const KUBECTL = process.env.KUBECTL_PATH ?? 'kubectl';
/** What `kubectl apply -k <directory>` would send, rendered offline; throws kustomize's error. */
const render = (directory: string): Manifest[] =>
  parse(
    execFileSync(KUBECTL, ['kustomize', directory], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
/** Every directory under deploy/ with a kustomization.yaml: each is documented as `apply -k`. */
const kustomizations = readdirSync(deploy, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('kustomization.yaml'))
  .map((path) => join(deploy, dirname(path)));

t.test('kubectl renders every kustomization under deploy/', async (t) => {
  t.ok(kustomizations.length >= 2, 'the rollout and the migrations Job');
  for (const directory of kustomizations) {
    const name = relative(deploy, directory);
    let manifests: Manifest[] = [];
    try {
      manifests = render(directory);
    } catch (error) {
      t.fail(`kubectl kustomize ${name}: ${(error as { stderr?: string }).stderr ?? error}`);
      continue;
    }
    t.ok(manifests.length, `${name} applies something`);
    for (const manifest of manifests)
      if (manifest.kind !== 'Namespace')
        t.equal(manifest.metadata.namespace, 'tandem', `${name}: ${manifest.metadata.name}`);
  }
});
const only = (manifests: Manifest[], what: string): Manifest => {
  const [found] = manifests;
  if (!found) throw new Error(`no ${what}`);
  return found;
};
const kustomization = only(read('kustomization.yaml'), 'kustomization');
/** `kubectl apply -k deploy/kubernetes`, the rollout. */
const applied = render(dir);
const byKind = (kind: string) => applied.filter((m) => m.kind === kind);
const deployment = (name: string) =>
  only(
    byKind('Deployment').filter((d) => d.metadata.name === name),
    `Deployment ${name}`,
  );
/** `kubectl apply -k deploy/kubernetes/migrate`, before each rollout. */
const migration = render(join(dir, 'migrate'));
const job = only(migration, 'Job');
const pod = (workload: Manifest): PodSpec => workload.spec?.template?.spec ?? { containers: [] };
const config = only(byKind('ConfigMap'), 'ConfigMap').data ?? {};

t.test(
  'kustomize applies namespace, config, both deployments, service, ingress, PDB',
  async (t) => {
    t.same(applied.map((m) => m.kind).sort(), [
      'ConfigMap',
      'Deployment',
      'Deployment',
      'Ingress',
      'Namespace',
      'PodDisruptionBudget',
      'Service',
    ]);
    t.notOk(byKind('Secret').length, 'the example Secret is not applied');
    t.match(kustomization.images?.[0]?.newTag, /^\d+\.\d+\.\d+$/, 'a fixed image version');
  },
);

t.test('the migrations Job alone, on the image of the Deployments it prepares', async (t) => {
  t.same(
    migration.map((m) => `${m.kind}/${m.metadata.name}`),
    ['Job/tandem-migrate'],
  );
  t.notOk(byKind('Job').length, 'the rollout applies no Job (a Job cannot be re-applied)');
  const images = byKind('Deployment').map((d) => pod(d).containers[0]?.image);
  t.match(images, [/^registry\.example\.org\/tandem:\d+\.\d+\.\d+$/, String]);
  t.same([...new Set([...images, pod(job).containers[0]?.image])], [images[0]], 'one version');
});

t.test('web: 2 replicas without in-process worker, probed on the health endpoints', async (t) => {
  const web = deployment('tandem-web');
  t.equal(web.spec?.replicas, 2);
  const [container] = pod(web).containers;
  t.same(container?.args, ['start']);
  t.same(container?.env, [{ name: 'WORKER_IN_PROCESS', value: 'false' }]);
  t.equal(container?.readinessProbe?.httpGet?.path, '/health/ready');
  t.equal(container?.livenessProbe?.httpGet?.path, '/health/live');
  const probePort = container?.readinessProbe?.httpGet?.port;
  const port = container?.ports?.find((p) => p.name === probePort);
  t.equal(String(port?.containerPort), config.MANAGEMENT_PORT, 'probes ask the management port');
  t.equal(config.MANAGEMENT_HOST, '0.0.0.0', 'which the kubelet reaches on the pod IP');
  t.ok(container?.resources?.requests && container.resources.limits, 'resources');
});

t.test('the PDB keeps a web pod during drains', async (t) => {
  const pdb = only(byKind('PodDisruptionBudget'), 'PodDisruptionBudget');
  t.same(pdb.spec?.selector, deployment('tandem-web').spec?.selector);
  t.ok((pdb.spec?.minAvailable ?? 0) >= 1);
});

t.test('worker runs `tandem worker`; the Job runs `tandem migrate`', async (t) => {
  const [worker] = pod(deployment('tandem-worker')).containers;
  t.same(worker?.args, ['worker']);
  t.equal(worker?.livenessProbe?.httpGet?.path, '/health/live', 'a hung worker is restarted');
  t.same(pod(job).containers[0]?.args, ['migrate']);
  t.equal(pod(job).restartPolicy, 'Never');
});

t.test('only the migrations Job gets the URL of the role owning the tables', async (t) => {
  const [migrate] = pod(job).containers;
  const variable = migrate?.env?.find((e) => e.name === 'MIGRATION_DATABASE_URL_FILE');
  t.match(variable?.value, /^\/run\/secrets\/tandem-migration\//, 'a file of its own Secret');
  t.ok(
    pod(job).volumes?.some((v) => v.secret?.secretName === 'tandem-migration'),
    'the Job mounts tandem-migration',
  );
  t.notOk(
    Object.keys(config).some((name) => name.startsWith('MIGRATION_')),
    'not in the ConfigMap',
  );
  for (const workload of byKind('Deployment'))
    t.notMatch(
      JSON.stringify(pod(workload)),
      /tandem-migration|MIGRATION_/,
      workload.metadata.name,
    );
  const secrets = read('secret.example.yaml');
  t.match(secrets[0]?.stringData?.DATABASE_URL, /^postgres:\/\/tandem_app:/, 'the app role');
});

t.test('every pod runs as non-root on a read-only root file system', async (t) => {
  for (const workload of [...byKind('Deployment'), job]) {
    const { securityContext, containers } = pod(workload);
    const name = workload.metadata.name;
    t.equal(securityContext?.runAsNonRoot, true, `${name}: runAsNonRoot`);
    t.not(securityContext?.runAsUser ?? 0, 0, `${name}: not uid 0`);
    t.ok(containers.length, `${name} has containers`);
    for (const container of containers) {
      const context = container.securityContext;
      t.equal(context?.readOnlyRootFilesystem, true, `${name}: read-only root`);
      t.equal(context?.allowPrivilegeEscalation, false, `${name}: no escalation`);
      t.same(context?.capabilities?.drop, ['ALL'], `${name}: no capabilities`);
    }
  }
});

t.test('the ConfigMap sets only variables Tandem reads, secrets only as files', async (t) => {
  for (const [variable, value] of Object.entries(config)) {
    const name = variable.replace(/_FILE$/, '');
    t.ok(name in EnvSchema.properties || name.startsWith('TANDEM_PLUGIN_EMAIL_'), variable);
    if (/PASSWORD|SECRET|KEYS|DATABASE_URL/.test(name))
      t.match(value, /^\/run\/secrets\/tandem\//, `${variable} is a mounted secret`);
  }
  t.match(config.PUBLIC_URL, /^https:\/\//);
  t.ok(config.TRUST_PROXY, 'behind the ingress controller');
});

t.test('the Ingress terminates TLS for the web Service', async (t) => {
  const ingress = only(byKind('Ingress'), 'Ingress');
  t.ok(ingress.spec?.tls?.[0]?.secretName);
  const backend = ingress.spec?.rules?.[0]?.http.paths[0]?.backend.service;
  t.equal(backend?.name, only(byKind('Service'), 'Service').metadata.name);
});
