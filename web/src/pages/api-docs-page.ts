import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { taskView } from '../components/task-view.js';
import {
  HTTP_METHODS,
  type JsonSchema,
  type OpenApiContent,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiParameter,
  readOpenApiDocument,
} from '../data/openapi.js';
import { sharedStyles } from '../styles/shared-styles.js';

interface Entry {
  method: string;
  path: string;
  operation: OpenApiOperation;
}

/**
 * The API reference, rendered from the server's own OpenAPI document (GET /api/openapi.json):
 * part of the app rather than a hosted viewer, since nothing may load from outside the
 * server and the Content-Security-Policy forbids inline scripts and styles. Public, like the
 * document. Operations are grouped by resource; schemas sit in collapsed details.
 */
@localized()
@customElement('tandem-api-docs-page')
export class TandemApiDocsPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .operations {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .operation {
        border-top: 1px solid var(--tandem-border);
        padding: 0.75rem 0;
      }
      h3 {
        margin: 0 0 0.25rem;
        font-size: 1.05rem;
        overflow-wrap: anywhere;
      }
      .method {
        display: inline-block;
        min-width: 4.5rem;
        font-weight: 700;
      }
      .operation p {
        margin: 0.25rem 0;
      }
      pre {
        overflow-x: auto;
        max-height: 28rem;
        padding: 0.75rem;
        border: 1px solid var(--tandem-border);
        border-radius: var(--tandem-radius);
        background: var(--tandem-background, transparent);
        font-size: 0.875rem;
      }
      details {
        margin: 0.5rem 0;
      }
      summary {
        cursor: pointer;
      }
      h4 {
        margin: 0.75rem 0 0.25rem;
        font-size: 1rem;
      }
      .params {
        margin: 0;
        padding-left: 1.25rem;
      }
      .filter input {
        width: min(100%, 28rem);
        box-sizing: border-box;
      }
    `,
  ];

  @state() private accessor filter = '';

  private readonly document = new Task(this, {
    task: async (_args, { signal }) => readOpenApiDocument(signal),
    args: () => [] as const,
  });

  override render() {
    return html`<h1 tabindex="-1">${msg('API reference', { id: 'apiDocs.title' })}</h1>
      ${taskView(this.document, (document) => this.renderDocument(document))}`;
  }

  private renderDocument(document: OpenApiDocument) {
    const groups = groupEntries(entriesOf(document), this.filter);
    const count = [...groups.values()].reduce((sum, entries) => sum + entries.length, 0);
    return html`<p>
        ${msg(
          str`Every operation of the Tandem API, version ${document.info.version}, as the server describes it in its OpenAPI 3 document.`,
          { id: 'apiDocs.intro' },
        )}
        <a href="/api/openapi.json" download="tandem-openapi.json">
          ${msg('Download the OpenAPI document (JSON)', { id: 'apiDocs.download' })}
        </a>
      </p>
      ${this.renderAuthentication(document)}
      <section aria-labelledby="operations-heading">
        <h2 id="operations-heading">${msg('Operations', { id: 'apiDocs.operations' })}</h2>
        <div class="field filter">
          <label for="filter">${msg('Filter operations', { id: 'apiDocs.filter' })}</label>
          <input id="filter" type="search" .value=${this.filter}
            aria-describedby="filter-hint filter-count"
            @input=${(event: InputEvent) => {
              this.filter = (event.target as HTMLInputElement).value;
            }} />
          <p class="hint" id="filter-hint">
            ${msg('By path, summary or operation id.', { id: 'apiDocs.filterHint' })}
          </p>
          <p class="muted" id="filter-count" role="status">
            ${msg(str`${count} operations shown`, { id: 'apiDocs.count' })}
          </p>
        </div>
        ${[...groups].map(([group, entries]) => this.renderGroup(group, entries))}
      </section>`;
  }

  private renderAuthentication(document: OpenApiDocument) {
    const server = document.servers?.[0]?.url ?? window.location.origin;
    const example = `curl -H "Authorization: Bearer tdm_…" \\\n  ${server}/api/admin/programmes`;
    return html`<section aria-labelledby="auth-heading" class="card">
      <h2 id="auth-heading">${msg('Authentication', { id: 'apiDocs.auth' })}</h2>
      <p>
        ${msg(
          'In the browser, the session cookie of your sign-in authenticates every call. Scripts and HR systems use a personal API token of an admin instead: it acts as that admin, only on admin operations and only within its scopes.',
          { id: 'apiDocs.auth.intro' },
        )}
      </p>
      <ul>
        <li>
          <code>read</code>:
          ${msg('every admin operation that only reads (GET).', { id: 'apiDocs.scope.read' })}
        </li>
        <li>
          <code>enrolments:write</code>:
          ${msg('enrol people into programmes on their behalf.', { id: 'apiDocs.scope.enrol' })}
        </li>
      </ul>
      <p>
        ${msg('Admins make and revoke their tokens on the page', { id: 'apiDocs.auth.tokensPage' })}
        <a href="/admin/tokens">${msg('API tokens', { id: 'apiDocs.auth.tokensLink' })}</a>.
        ${msg('Send the token in the Authorization header:', { id: 'apiDocs.auth.header' })}
      </p>
      <pre tabindex="0"><code>${example}</code></pre>
    </section>`;
  }

  private renderGroup(group: string, entries: Entry[]) {
    const headingId = `group-${group.replace(/[^a-z0-9]+/gi, '-')}`;
    return html`<section aria-labelledby=${headingId}>
      <h2 id=${headingId}><code>${group}</code></h2>
      <ul class="operations">
        ${entries.map((entry) => this.renderOperation(entry))}
      </ul>
    </section>`;
  }

  /** The OpenAPI document's texts are English whatever the page's language: marked so (WCAG 3.1.2). */
  private renderOperation({ method, path, operation }: Entry) {
    const parameters = operation.parameters ?? [];
    const body = operation.requestBody?.content;
    return html`<li class="operation">
      <h3><span class="method">${method.toUpperCase()}</span> <code>${path}</code></h3>
      ${operation.summary ? html`<p lang="en">${operation.summary}</p>` : nothing}
      ${
        operation.description
          ? html`<p class="muted" lang="en">${operation.description}</p>`
          : nothing
      }
      <p>${accessText(operation)}</p>
      <details>
        <summary>
          ${msg('Parameters and schemas', { id: 'apiDocs.details' })}
          <span class="visually-hidden">${method.toUpperCase()} ${path}</span>
        </summary>
        <p class="muted">
          ${msg('Operation id:', { id: 'apiDocs.operationId' })}
          <code>${operation.operationId ?? '–'}</code>
        </p>
        ${parameters.length ? this.renderParameters(parameters) : nothing}
        ${
          body
            ? html`<h4>${msg('Request body', { id: 'apiDocs.body' })}</h4>
              ${renderContent(body)}`
            : nothing
        }
        <h4>${msg('Responses', { id: 'apiDocs.responses' })}</h4>
        <ul class="params">
          ${Object.entries(operation.responses ?? {}).map(
            ([status, response]) => html`<li>
              <strong>${status}</strong> <span lang="en">${response.description ?? ''}</span>
              ${response.content ? renderContent(response.content) : nothing}
            </li>`,
          )}
        </ul>
      </details>
    </li>`;
  }

  private renderParameters(parameters: OpenApiParameter[]) {
    return html`<h4>${msg('Parameters', { id: 'apiDocs.parameters' })}</h4>
      <ul class="params">
        ${parameters.map(
          (parameter) => html`<li>
            <code>${parameter.name}</code>
            (${placeText(parameter.in)}${
              parameter.required ? html`, ${msg('required', { id: 'apiDocs.required' })}` : nothing
            })${parameter.schema ? html`: <code>${typeOf(parameter.schema)}</code>` : nothing}
            ${parameter.description ? html` – <span lang="en">${parameter.description}</span>` : nothing}
          </li>`,
        )}
      </ul>`;
  }
}

function renderContent(content: OpenApiContent) {
  return Object.entries(content).map(
    ([mediaType, { schema }]) => html`<details>
      <summary>${msg(str`Schema (${mediaType})`, { id: 'apiDocs.schema' })}</summary>
      <pre tabindex="0" lang="en"><code>${JSON.stringify(schema ?? {}, null, 2)}</code></pre>
    </details>`,
  );
}

function accessText(operation: OpenApiOperation): string {
  const scope = operation['x-tandem-scope'];
  switch (operation['x-tandem-access']) {
    case 'anonymous':
      return msg('Open to everyone, without signing in.', { id: 'apiDocs.access.anonymous' });
    case 'participant':
      return msg('Needs a signed-in person (session cookie); API tokens are not accepted.', {
        id: 'apiDocs.access.participant',
      });
    case 'admin':
      return scope
        ? msg(str`Admins: session cookie, or an API token with the scope ${scope}.`, {
            id: 'apiDocs.access.adminToken',
          })
        : msg('Admins, signed in (session cookie only).', { id: 'apiDocs.access.admin' });
    default:
      return '';
  }
}

function placeText(place: OpenApiParameter['in']): string {
  switch (place) {
    case 'path':
      return msg('in the path', { id: 'apiDocs.in.path' });
    case 'query':
      return msg('in the query', { id: 'apiDocs.in.query' });
    default:
      return msg(str`in the ${place}`, { id: 'apiDocs.in.other' });
  }
}

/** A short type for a parameter: `string (uuid)`, `integer`, `a | b`. */
function typeOf(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return schema.enum.join(' | ');
  const type = typeof schema.type === 'string' ? schema.type : 'value';
  return typeof schema.format === 'string' ? `${type} (${schema.format})` : type;
}

function entriesOf(document: OpenApiDocument): Entry[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({
      method,
      path,
      operation: item[method] as OpenApiOperation,
    })),
  );
}

/**
 * Operations by resource: `/api/admin/programmes/{id}/report` belongs to `/api/admin/programmes`,
 * `/api/me/preferences` to `/api/me`. Groups and their operations in path order.
 */
function groupEntries(entries: Entry[], filter: string): Map<string, Entry[]> {
  const needle = filter.trim().toLowerCase();
  const groups = new Map<string, Entry[]>();
  const sorted = [...entries].sort((a, b) => a.path.localeCompare(b.path));
  for (const entry of sorted) {
    const text = `${entry.method} ${entry.path} ${entry.operation.summary ?? ''} ${entry.operation.operationId ?? ''}`;
    if (needle && !text.toLowerCase().includes(needle)) continue;
    const group = /^\/api\/(admin\/)?[^/]+/.exec(entry.path)?.[0] ?? entry.path;
    groups.set(group, [...(groups.get(group) ?? []), entry]);
  }
  return groups;
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-api-docs-page': TandemApiDocsPage;
  }
}
