import { localized, msg } from '@lit/localize';
import { Task } from '@lit/task';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import '../components/tandem-channel-instances.js';
import { tableRegion } from '../components/table-region.js';
import { taskView } from '../components/task-view.js';
import { type PluginStatus, readPlugins } from '../data/plugins.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** The configured plugins and whether they loaded; a failed one says why. */
@localized()
@customElement('tandem-plugins-page')
export class TandemPluginsPage extends LitElement {
  static override styles = sharedStyles;

  private readonly plugins = new Task(this, {
    task: (_args, { signal }) => readPlugins(signal),
    args: () => [] as const,
  });

  override render() {
    return html`<h1 tabindex="-1">${msg('Plugins', { id: 'plugins.title' })}</h1>
      <p>
        ${msg(
          'Plugins provide curricula, matching strategies and notification channels. They are configured on the server.',
          { id: 'plugins.intro' },
        )}
      </p>
      ${taskView(this.plugins, (plugins) => this.renderTable(plugins))}
      <tandem-channel-instances></tandem-channel-instances>`;
  }

  private renderTable(plugins: PluginStatus[]) {
    if (plugins.length === 0)
      return html`<p>${msg('No plugins are configured.', { id: 'plugins.none' })}</p>`;
    return tableRegion(
      msg('Configured plugins', { id: 'plugins.caption' }),
      html`<thead>
          <tr>
            <th scope="col">${msg('Name', { id: 'plugins.col.name' })}</th>
            <th scope="col">${msg('Kind', { id: 'plugins.col.kind' })}</th>
            <th scope="col">${msg('Version', { id: 'plugins.col.version' })}</th>
            <th scope="col">${msg('Status', { id: 'plugins.col.status' })}</th>
          </tr>
        </thead>
        <tbody>
          ${plugins.map((plugin) => this.renderRow(plugin))}
        </tbody>`,
    );
  }

  private renderRow(plugin: PluginStatus) {
    if (plugin.status === 'failed')
      return html`<tr>
        <th scope="row">${plugin.name}</th>
        <td>–</td>
        <td>–</td>
        <td>
          <strong class="error-text">${msg('Failed', { id: 'plugins.failed' })}</strong>
          ${plugin.required ? msg('(required)', { id: 'plugins.required' }) : ''}:
          ${plugin.error}
        </td>
      </tr>`;
    return html`<tr>
      <th scope="row">${plugin.name}</th>
      <td>${kindLabel(plugin.kind)}</td>
      <td>${plugin.version}</td>
      <td>${msg('Active', { id: 'plugins.active' })}</td>
    </tr>`;
  }
}

function kindLabel(kind: string): string {
  switch (kind) {
    case 'curriculum':
      return msg('Curriculum', { id: 'plugins.kind.curriculum' });
    case 'matching-strategy':
      return msg('Matching strategy', { id: 'plugins.kind.matching' });
    case 'notification-channel':
      return msg('Notification channel', { id: 'plugins.kind.channel' });
    default:
      return kind;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-plugins-page': TandemPluginsPage;
  }
}
