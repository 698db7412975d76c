/**
 * deploy/kubernetes read as kubectl would (no cluster here): what kustomize applies exists,
 * web pods are probed on Tandem's health endpoints and protected by a PodDisruptionBudget,
 * every pod runs as non-root on a read-only root file system, and settings are known variables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { parseAllDocuments } from 'yaml';
import { EnvSchema } from '../src/config.js';

const dir = join(import.meta.dirname, '../../deploy/kubernetes');
// biome-ignore lint/suspicious/noExplicitAny: manifests are untyped YAML, checked field by field
type Manifest = Record<string, any>;
const read = (file: string): Manifest[] =>
  parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((doc) => doc.toJS());
const kustomization = read('kustomization.yaml')[0] as Manifest;
const applied = (kustomization.resources as string[]).flatMap(read);
const byKind = (kind: string, all = applied) => all.filter((m) => m.kind === kind);
const deployment = (name: string): Manifest => {
  const found = byKind('Deployment').find((d) => d.metadata.name === name);
  if (!found) throw new Error(`no Deployment ${name}`);
  return found;
};
const job = read('migrate-job.yaml')[0] as Manifest;

t.test(
  'kustomize applies the namespace, config, both deployments, service, ingress, PDB',
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
    t.match(kustomization.images[0].newTag, /^\d+\.\d+\.\d+$/, 'a fixed image version');
  },
);

t.test('web: 2 replicas without in-process worker, probed on the health endpoints', async (t) => {
  const web = deployment('tandem-web');
  t.equal(web.spec.replicas, 2);
  const [container] = web.spec.template.spec.containers;
  t.same(container.args, ['start']);
  t.same(container.env, [{ name: 'WORKER_IN_PROCESS', value: 'false' }]);
  t.equal(container.readinessProbe.httpGet.path, '/health/ready');
  t.equal(container.livenessProbe.httpGet.path, '/health/live');
  const config = byKind('ConfigMap')[0]?.data;
  const port = container.ports.find(
    (p: Manifest) => p.name === container.readinessProbe.httpGet.port,
  );
  t.equal(String(port.containerPort), config.MANAGEMENT_PORT, 'probes ask the management port');
  t.equal(config.MANAGEMENT_HOST, '0.0.0.0', 'which the kubelet reaches on the pod IP');
  t.ok(container.resources.requests && container.resources.limits, 'resources');
});

t.test('the PDB keeps a web pod during drains', async (t) => {
  const [pdb] = byKind('PodDisruptionBudget');
  t.same(pdb?.spec.selector.matchLabels, deployment('tandem-web').spec.selector.matchLabels);
  t.ok(pdb?.spec.minAvailable >= 1);
});

t.test('worker runs `tandem worker`; the Job runs `tandem migrate`', async (t) => {
  t.same(deployment('tandem-worker').spec.template.spec.containers[0].args, ['worker']);
  t.same(job.spec.template.spec.containers[0].args, ['migrate']);
  t.equal(job.spec.template.spec.restartPolicy, 'Never');
});

t.test('every pod runs as non-root on a read-only root file system', async (t) => {
  for (const workload of [...byKind('Deployment'), job]) {
    const pod = workload.spec.template.spec;
    const name = workload.metadata.name;
    t.equal(pod.securityContext.runAsNonRoot, true, `${name}: runAsNonRoot`);
    t.not(pod.securityContext.runAsUser, 0, `${name}: not uid 0`);
    for (const container of pod.containers) {
      t.equal(container.securityContext.readOnlyRootFilesystem, true, `${name}: read-only root`);
      t.equal(container.securityContext.allowPrivilegeEscalation, false, `${name}: no escalation`);
      t.same(container.securityContext.capabilities.drop, ['ALL'], `${name}: no capabilities`);
    }
  }
});

t.test('the ConfigMap sets only variables Tandem reads, secrets only as files', async (t) => {
  const data = byKind('ConfigMap')[0]?.data as Record<string, string>;
  for (const [variable, value] of Object.entries(data)) {
    const name = variable.replace(/_FILE$/, '');
    t.ok(name in EnvSchema.properties || name.startsWith('TANDEM_PLUGIN_EMAIL_'), variable);
    if (/PASSWORD|SECRET|KEYS|DATABASE_URL/.test(name))
      t.match(value, /^\/run\/secrets\/tandem\//, `${variable} is a mounted secret`);
  }
  t.match(data.PUBLIC_URL, /^https:\/\//);
  t.ok(data.TRUST_PROXY, 'behind the ingress controller');
});

t.test('the Ingress terminates TLS for the web Service', async (t) => {
  const [ingress] = byKind('Ingress');
  t.ok(ingress?.spec.tls?.[0]?.secretName);
  const backend = ingress?.spec.rules[0].http.paths[0].backend.service;
  t.equal(backend.name, byKind('Service')[0]?.metadata.name);
});
