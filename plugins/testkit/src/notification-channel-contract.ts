import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import {
  type ConfigOf,
  type ConfigSchema,
  type NotificationChannel,
  type OutgoingMessage,
  type PluginContext,
  type SendResult,
  SendResultSchema,
} from '@tandem/plugin-sdk';
import {
  type ContractCheck,
  ContractViolation,
  contractCheck,
  pluginCall,
} from './contract-check.js';
import { type PluginConfigInput, prepareConfig } from './plugin-config.js';
import { type SampleMessageOverrides, sampleMessage } from './sample-message.js';
import { schemaProblem } from './schema-problem.js';
import { createTestContext, type TestContext } from './test-context.js';

/**
 * How to make the channel's target fail in one way, for {@link notificationChannelContract}.
 * Give at least one of `config`, `message` and `setup`: a scenario that changes nothing
 * cannot fail.
 */
export interface FailureScenario<S extends ConfigSchema> {
  /** Fields replacing those of the contract's config for this send (e.g. a URL that answers 503). */
  config?: PluginConfigInput<S>;
  /** Turns the message into one the target refuses (e.g. an address it does not know). */
  message?: (base: OutgoingMessage) => OutgoingMessage;
  /** Puts the target into the failing state before the send (e.g. a fake server answers 503). */
  setup?: () => void | Promise<void>;
  /** Restores the target after the send, also when the send threw. */
  teardown?: () => void | Promise<void>;
}

/**
 * A loopback address nothing listens on: a connection to it is refused at once. The contract
 * hands it to {@link NotificationChannelContractOptions.unreachable}.
 */
export interface UnreachableTarget {
  /** `127.0.0.1`. */
  host: string;
  /** A port that was free a moment ago and is closed now. */
  port: number;
  /** `http://127.0.0.1:<port>`, for channels configured with a URL. */
  url: string;
}

/**
 * What {@link notificationChannelContract} needs to know about a channel's target: how to
 * observe what arrived, how to make it fail for a while and for good, and how to point the
 * channel at a server that cannot be reached.
 */
export interface NotificationChannelContractOptions<S extends ConfigSchema> {
  /** The configuration of a working channel; defaults from `configSchema` fill the rest. */
  config?: PluginConfigInput<S>;
  /**
   * Changes to the sample message every check sends (e.g. an address the target knows). The
   * contract sets `deliveryKey` itself: a new one per check and run.
   */
  message?: Omit<SampleMessageOverrides, 'deliveryKey'>;
  /** How many times the target has received the message with this delivery key. */
  deliveries: (deliveryKey: string) => number | Promise<number>;
  /** A failure that may pass, such as a timeout or HTTP 503: the channel must say retry-later. */
  transientFailure: FailureScenario<S>;
  /** A failure that will not pass, such as an unknown recipient: failed-permanently. */
  permanentFailure: FailureScenario<S>;
  /**
   * Points the channel at the closed address it is given (by config or by the message's
   * address), e.g. `({ url }) => ({ config: { url } })`: a refused connection is a network
   * error that may pass, so the channel must say retry-later.
   */
  unreachable: (target: UnreachableTarget) => FailureScenario<S>;
}

/**
 * The contract of a notification channel as checks for any test framework: a valid message is
 * delivered and arrives exactly once; a repeated delivery key (the same store, as on a retry)
 * is reported delivered without arriving again; a transient failure yields `retry-later` and a
 * permanent one `failed-permanently`, each with a reason; a server that refuses the connection
 * yields `retry-later` with a reason, not a throw; `addressProblem`, when the channel has it,
 * accepts the address the contract delivers to; every result fits `SendResultSchema`.
 *
 * @example
 * const options = { deliveries, transientFailure, permanentFailure, unreachable };
 * for (const check of notificationChannelContract(channel, options)) test(check.name, check.run);
 */
export function notificationChannelContract<S extends ConfigSchema>(
  channel: NotificationChannel<S>,
  options: NotificationChannelContractOptions<S>,
): ContractCheck[] {
  const subject = new ChannelUnderTest(channel, options);
  return [
    contractCheck('config is valid against configSchema', () => subject.checkConfigs()),
    contractCheck('delivers a message exactly once', () => deliversOnce(subject)),
    contractCheck('sends a deliveryKey only once', () => isIdempotent(subject)),
    contractCheck('reports a transient failure as retry-later', () =>
      failsAs(subject, 'transientFailure', 'retry-later'),
    ),
    contractCheck('reports a permanent failure as failed-permanently', () =>
      failsAs(subject, 'permanentFailure', 'failed-permanently'),
    ),
    contractCheck('reports an unreachable server as retry-later', () =>
      reportsUnreachable(subject),
    ),
    ...(channel.addressProblem
      ? [
          contractCheck('addressProblem accepts the address it delivers to', () =>
            subject.checkOwnAddress(),
          ),
        ]
      : []),
  ];
}

async function deliversOnce<S extends ConfigSchema>(subject: ChannelUnderTest<S>) {
  const message = subject.message('delivered');
  const result = await subject.send(message, subject.context().ctx);
  if (result.status !== 'delivered')
    throw subject.violation(`a valid message was not delivered: ${outcome(result)}`);
  await subject.expectDeliveries(message.deliveryKey, 1, 'after one send reported delivered');
}

/** The host sends again with the same key when it cannot tell whether a send went through. */
async function isIdempotent<S extends ConfigSchema>(subject: ChannelUnderTest<S>) {
  const message = subject.message('idempotent');
  const first = subject.context();
  // A retry is a later call: a new context over the same store and clock, as the host gives.
  const retry = subject.context({ store: first.store, clock: first.clock });
  const results = [await subject.send(message, first.ctx), await subject.send(message, retry.ctx)];
  const wrong = results.findIndex((result) => result.status !== 'delivered');
  if (wrong >= 0)
    throw subject.violation(
      `send ${wrong + 1} of the same message was not delivered: ${outcome(results[wrong])}`,
    );
  await subject.expectDeliveries(
    message.deliveryKey,
    1,
    'after two sends with the same deliveryKey; remember delivered keys in ctx.store and skip them',
  );
}

async function failsAs<S extends ConfigSchema>(
  subject: ChannelUnderTest<S>,
  scenario: ScenarioName,
  status: 'retry-later' | 'failed-permanently',
) {
  const result = await subject.sendIn(scenario);
  if (result.status !== status)
    throw subject.violation(
      `the ${scenario} scenario should report ${status}, got ${outcome(result)}`,
    );
  if (result.reason.trim() === '')
    throw subject.violation(`the ${scenario} scenario reported ${status} without a reason`);
}

/** A refused connection may pass (the server restarts): the host should try again later. */
async function reportsUnreachable<S extends ConfigSchema>(subject: ChannelUnderTest<S>) {
  const target = await closedLoopbackPort();
  const where = `the unreachable scenario (connection refused at ${target.host}:${target.port})`;
  const result = await subject.sendIn('unreachable', target);
  if (result.status !== 'retry-later')
    throw subject.violation(
      `${where} should report retry-later, got ${outcome(result)}; catch network errors (ECONNREFUSED, ETIMEDOUT, ENOTFOUND) and return { status: 'retry-later', reason }`,
    );
  if (result.reason.trim() === '')
    throw subject.violation(`${where} reported retry-later without a reason`);
}

/** A loopback port that was just free: listen on port 0, note the port, close again. */
async function closedLoopbackPort(): Promise<UnreachableTarget> {
  const server = createServer();
  const host = '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string')
    throw new ContractViolation('no loopback port to refuse connections (a test kit bug)');
  return { host, port: address.port, url: `http://${host}:${address.port}` };
}

type ScenarioName = 'transientFailure' | 'permanentFailure' | 'unreachable';

/** The channel with its options: sends, observes the target and plays the scenarios. */
class ChannelUnderTest<S extends ConfigSchema> {
  // Keys differ per contract, so checks against a long-lived fake target never see old sends.
  private readonly run = randomUUID();

  constructor(
    private readonly channel: NotificationChannel<S>,
    private readonly options: NotificationChannelContractOptions<S>,
  ) {}

  checkConfigs() {
    this.config(this.options.config, 'config');
    this.scenarioConfig('transientFailure', this.options.transientFailure);
    this.scenarioConfig('permanentFailure', this.options.permanentFailure);
  }

  /** The address the delivered check sends to must pass the channel's own early check. */
  async checkOwnAddress() {
    const address = this.message('address').recipient.address;
    if (address === undefined || !this.channel.addressProblem) return;
    const config = this.config(this.options.config, 'config');
    const problem: unknown = await pluginCall(this.label(`addressProblem('${address}')`), () =>
      this.channel.addressProblem?.(address, config),
    );
    if (problem === undefined) return;
    if (typeof problem !== 'string' || problem.trim() === '')
      throw this.violation(
        `addressProblem('${address}') should answer undefined or a sentence, got ${JSON.stringify(problem)}`,
      );
    throw this.violation(
      `addressProblem('${address}') refuses the address the channel delivers to: "${problem}"; people could not save it in their preferences`,
    );
  }

  /** The sample message with a delivery key of its own. */
  message(purpose: string): OutgoingMessage {
    const deliveryKey = `testkit:${purpose}:${this.run}`;
    return sampleMessage({ ...this.options.message, deliveryKey });
  }

  /** A fresh test context with the contract's config, or sharing another's store and clock. */
  context(shared?: Pick<TestContext<unknown>, 'store' | 'clock'>): TestContext<ConfigOf<S>> {
    return createTestContext({ config: this.config(this.options.config, 'config'), ...shared });
  }

  /** Calls send(); the result fits `SendResultSchema`. */
  async send(message: OutgoingMessage, ctx: PluginContext<ConfigOf<S>>): Promise<SendResult> {
    const result: unknown = await pluginCall(this.label('send()'), () =>
      this.channel.send(message, ctx),
    );
    const problem = schemaProblem(SendResultSchema, result);
    if (problem) throw this.violation(`send() answered outside SendResultSchema: ${problem}`);
    return result as SendResult;
  }

  /** Sends the scenario's message with its config, between its setup and teardown. */
  async sendIn(name: ScenarioName, target?: UnreachableTarget): Promise<SendResult> {
    const scenario = this.scenario(name, target);
    if (!scenario.config && !scenario.message && !scenario.setup)
      throw this.violation(
        `${name} changes nothing: give it a config, message or setup that makes the target fail`,
      );
    const base = this.message(name);
    const message = scenario.message ? scenario.message(base) : base;
    const { ctx } = createTestContext({ config: this.scenarioConfig(name, scenario) });
    await pluginCall(`${name}.setup()`, () => scenario.setup?.());
    try {
      return await this.send(message, ctx);
    } finally {
      await pluginCall(`${name}.teardown()`, () => scenario.teardown?.());
    }
  }

  async expectDeliveries(deliveryKey: string, expected: number, when: string) {
    const count = await pluginCall(`deliveries('${deliveryKey}')`, () =>
      this.options.deliveries(deliveryKey),
    );
    if (!Number.isInteger(count) || count < 0)
      throw this.violation(
        `deliveries('${deliveryKey}') should count arrivals, got ${String(count)}`,
      );
    if (count !== expected)
      throw this.violation(
        `the target received the message ${count} times (expected ${expected}) ${when}`,
      );
  }

  violation(message: string): ContractViolation {
    return new ContractViolation(this.label(message));
  }

  private config(given: PluginConfigInput<S> | undefined, where: string) {
    const prepared = prepareConfig(this.channel.configSchema, given);
    if (prepared.problem !== undefined) throw this.violation(`${where} ${prepared.problem}`);
    return prepared.config;
  }

  private scenario(name: ScenarioName, target?: UnreachableTarget): FailureScenario<S> {
    if (name !== 'unreachable') return this.options[name];
    const { unreachable } = this.options;
    if (typeof unreachable !== 'function' || target === undefined)
      throw this.violation(
        'options.unreachable is missing: give a function that points the channel at the closed address it is given, e.g. ({ url }) => ({ config: { url } })',
      );
    return unreachable(target);
  }

  /** The scenario's fields over the contract's config, prepared as the host would. */
  private scenarioConfig(name: ScenarioName, scenario: FailureScenario<S>) {
    const merged = { ...this.options.config, ...scenario.config };
    return this.config(merged as PluginConfigInput<S>, `${name}.config`);
  }

  private label(text: string): string {
    return `notification channel "${this.channel.name}": ${text}`;
  }
}

/** A result as a message shows it: `retry-later (HTTP 503)`. */
function outcome(result: SendResult | undefined): string {
  if (!result || result.status === 'delivered') return 'delivered';
  return `${result.status} (${result.reason})`;
}
