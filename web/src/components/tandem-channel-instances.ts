import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  type ChannelInstance,
  type ChannelPlugin,
  createChannelInstance,
  deleteChannelInstance,
  readChannelInstances,
  readChannelPlugins,
  updateChannelInstance,
} from '../data/channel-instances.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { announce } from './announcer.js';
import { tableRegion } from './table-region.js';
import { errorText, taskView } from './task-view.js';

interface FieldHelp {
  name: string;
  description: string;
  secret: boolean;
}

/**
 * Channel instances: a channel plugin configured more than once (e.g. the webhook channel once
 * per team's chat), for programmes to choose. The configuration is edited as JSON, with the
 * plugin's fields listed from its schema; secret fields take a reference to a variable or file.
 */
@localized()
@customElement('tandem-channel-instances')
export class TandemChannelInstances extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      textarea {
        width: 100%;
        min-height: 8rem;
        font-family: monospace;
      }
      input,
      select {
        width: 100%;
      }
      td pre {
        margin: 0;
        white-space: pre-wrap;
      }
      td .actions {
        margin-top: 0;
      }
    `,
  ];

  @state() private accessor plugins: ChannelPlugin[] = [];
  @state() private accessor instances: ChannelInstance[] = [];
  @state() private accessor channel = '';
  @state() private accessor editing: ChannelInstance | null = null;
  @state() private accessor confirming = '';
  @state() private accessor error = '';

  private readonly load = new Task(this, {
    task: async (_args, { signal }) => {
      const [plugins, instances] = await Promise.all([
        readChannelPlugins(signal),
        readChannelInstances(signal),
      ]);
      this.plugins = plugins;
      this.instances = instances;
      this.channel ||= plugins[0]?.name ?? '';
    },
    args: () => [] as const,
  });

  override render() {
    return html`<h2 id="channel-instances">${msg('Channel instances', { id: 'channels.title' })}</h2>
      <p>
        ${msg(
          'A channel can be set up more than once, e.g. the chat webhook once for each team. Each programme chooses one in its settings; without a choice it uses the server configuration. Changes apply to the next message.',
          { id: 'channels.intro' },
        )}
      </p>
      ${taskView(this.load, () => html`${this.renderForm()} ${this.renderTable()}`)}`;
  }

  private renderForm() {
    if (this.plugins.length === 0)
      return html`<p>${msg('No channel plugin is active.', { id: 'channels.noPlugins' })}</p>`;
    const editing = this.editing;
    const channel = editing?.channel ?? this.channel;
    return html`<form class="card" id="instance-form" @submit=${this.onSubmit} novalidate>
      <h3>
        ${editing ? msg(str`Edit ${editing.name}`, { id: 'channels.edit.heading' }) : msg('Add an instance', { id: 'channels.add.heading' })}
      </h3>
      <div class="field">
        <label for="instance-channel">${msg('Channel', { id: 'channels.channel' })}</label>
        <select id="instance-channel" name="channel" ?disabled=${editing !== null}
          @change=${(event: Event) => {
            this.channel = (event.target as HTMLSelectElement).value;
          }}>
          ${this.plugins.map((p) => html`<option value=${p.name} ?selected=${p.name === channel}>${p.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="instance-name">${msg('Name', { id: 'channels.name' })}</label>
        <input id="instance-name" name="name" required maxlength="100" .value=${editing?.name ?? ''} />
      </div>
      <div class="field">
        <label for="instance-config">${msg('Configuration (JSON)', { id: 'channels.config' })}</label>
        <textarea id="instance-config" name="config" aria-describedby="instance-fields"
          .value=${JSON.stringify(editing?.config ?? {}, null, 2)}></textarea>
        ${this.renderFields(channel)}
      </div>
      ${this.error ? html`<p role="alert" class="error-text" id="instance-error">${this.error}</p>` : nothing}
      <div class="actions">
        <button type="submit">${editing ? msg('Save instance', { id: 'channels.save' }) : msg('Add instance', { id: 'channels.add' })}</button>
        ${editing ? html`<button type="button" class="secondary" @click=${this.stopEditing}>${msg('Cancel', { id: 'channels.cancel' })}</button>` : nothing}
      </div>
    </form>`;
  }

  /**
   * The plugin's fields from its schema, as a guide to the JSON. A schema's descriptions are
   * written for operators in English (the SDK has no translations for them), so they are marked
   * as English for screen readers and translation tools on a German page.
   */
  private renderFields(channel: string) {
    const fields = fieldsOf(this.plugins.find((p) => p.name === channel));
    return html`<div class="hint" id="instance-fields">
      <p>
        ${msg(
          'Secret fields take a reference, never the value: {"env": "TANDEM_SECRET_NAME"} (only variables named TANDEM_SECRET_…) or {"file": "name"} (a file in the server\'s secrets folder, TANDEM_SECRETS_DIR).',
          { id: 'channels.secretHint' },
        )}
      </p>
      <ul>
        ${fields.map(
          (field) => html`<li>
            <code>${field.name}</code>${field.secret ? html` <strong>(${msg('secret', { id: 'channels.secret' })})</strong>` : nothing}:
            <span lang="en">${field.description}</span>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderTable() {
    if (this.instances.length === 0)
      return html`<p>${msg('No channel instances yet.', { id: 'channels.none' })}</p>`;
    return tableRegion(
      msg('Channel instances', { id: 'channels.caption' }),
      html`<thead>
          <tr>
            <th scope="col">${msg('Name', { id: 'channels.name' })}</th>
            <th scope="col">${msg('Channel', { id: 'channels.channel' })}</th>
            <th scope="col">${msg('Configuration', { id: 'channels.col.config' })}</th>
            <th scope="col">${msg('Used by', { id: 'channels.col.programmes' })}</th>
            <th scope="col"><span class="visually-hidden">${msg('Actions', { id: 'channels.col.actions' })}</span></th>
          </tr>
        </thead>
        <tbody>
          ${this.instances.map(
            (instance) => html`<tr>
              <th scope="row">${instance.name}</th>
              <td>${instance.channel}</td>
              <td><pre>${JSON.stringify(instance.config, null, 1)}</pre></td>
              <td>${instance.programmes.map((p) => p.name).join(', ') || '–'}</td>
              <td>${this.renderActions(instance)}</td>
            </tr>`,
          )}
        </tbody>`,
    );
  }

  private renderActions(instance: ChannelInstance) {
    if (this.confirming === instance.id)
      return html`<div class="actions">
        <button type="button" class="danger" @click=${() => this.deleteInstance(instance)}>
          ${msg(str`Delete ${instance.name}`, { id: 'channels.confirmDelete' })}
        </button>
        <button type="button" class="secondary" @click=${() => {
          this.confirming = '';
        }}>${msg('Keep', { id: 'channels.keep' })}</button>
      </div>`;
    return html`<div class="actions">
      <button type="button" class="secondary" @click=${() => this.startEditing(instance)}>
        ${msg('Edit', { id: 'channels.edit' })}
      </button>
      <button type="button" class="secondary" @click=${() => {
        this.confirming = instance.id;
      }}>${msg('Delete', { id: 'channels.delete' })}</button>
    </div>`;
  }

  private startEditing(instance: ChannelInstance) {
    this.editing = instance;
    this.error = '';
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLInputElement>('#instance-name')?.focus(),
    );
  }

  private stopEditing() {
    this.editing = null;
    this.error = '';
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    if (!name) {
      this.error = msg('Please give the instance a name.', { id: 'channels.nameMissing' });
      return;
    }
    const config = parseConfig(String(data.get('config') ?? ''));
    if (typeof config === 'string') {
      this.error = config;
      return;
    }
    try {
      const saved = this.editing
        ? await updateChannelInstance(this.editing.id, { name, config })
        : await createChannelInstance({ channel: this.channel, name, config });
      announce(msg(str`Channel instance ${saved.name} saved.`, { id: 'channels.saved' }));
      this.editing = null;
      this.error = '';
      form.reset();
      this.instances = await readChannelInstances();
    } catch (error) {
      this.error = errorText(error);
    }
  }

  private async deleteInstance(instance: ChannelInstance) {
    try {
      await deleteChannelInstance(instance.id);
      announce(msg(str`Channel instance ${instance.name} deleted.`, { id: 'channels.deleted' }));
      this.error = '';
      this.instances = await readChannelInstances();
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.confirming = '';
    }
  }
}

/** The JSON object typed, or why it is none, in words. */
function parseConfig(text: string): Record<string, unknown> | string {
  try {
    const value: unknown = JSON.parse(text.trim() || '{}');
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch (error) {
    return msg(str`The configuration is not valid JSON: ${(error as Error).message}`, {
      id: 'channels.badJson',
    });
  }
  return msg('The configuration must be a JSON object: { … }.', { id: 'channels.notObject' });
}

function fieldsOf(plugin: ChannelPlugin | undefined): FieldHelp[] {
  const properties = (plugin?.configSchema.properties ?? {}) as Record<
    string,
    { description?: string }
  >;
  return Object.entries(properties).map(([name, field]) => ({
    name,
    description: field.description ?? '',
    secret: plugin?.secretFields.includes(name) ?? false,
  }));
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-channel-instances': TandemChannelInstances;
  }
}
