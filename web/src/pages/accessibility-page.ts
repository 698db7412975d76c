import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { formatDay } from '../components/date-time.js';
import { taskView } from '../components/task-view.js';
import { type AccessibilityFacts, readSite, type Site } from '../data/site.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** The general conciliation body; operators of a federal state's agency name theirs in config. */
const FEDERAL_CONCILIATION_BODY = 'https://www.schlichtungsstelle-bgg.de/';

/**
 * The accessibility statement (Erklärung zur Barrierefreiheit) BITV 2.0 § 7 asks of public
 * agencies: how far the site conforms, what is not accessible yet, how the statement was made,
 * whom to tell about barriers and where to turn when that does not help. The facts an operator
 * must supply (contact, date, conciliation body) come from GET /api/site.
 */
@localized()
@customElement('tandem-accessibility-page')
export class TandemAccessibilityPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        max-width: 48rem;
        margin-bottom: 1.5rem;
      }
      .operator-text {
        white-space: pre-line;
      }
    `,
  ];

  private readonly site = new Task(this, {
    task: (_args, { signal }) => readSite(signal),
    args: () => [] as const,
  });

  override render() {
    // The heading stays outside the task so the shell can focus it at once on navigation.
    return html`
      <h1>${msg('Accessibility statement', { id: 'accessibility.title' })}</h1>
      ${taskView(this.site, (site) => this.renderStatement(site))}
    `;
  }

  private renderStatement(site: Site) {
    const facts = site.accessibility;
    const operator =
      site.organisationName ?? msg('The operator of this site', { id: 'accessibility.operator' });
    const address = location.origin;
    return html`
      <section>
        <p>
          ${msg(
            str`${operator} endeavours to make this Tandem site accessible in accordance with the Barrierefreie-Informationstechnik-Verordnung (BITV 2.0), which implements Directive (EU) 2016/2102. This statement applies to ${address}.`,
            { id: 'accessibility.intro' },
          )}
        </p>
      </section>
      ${this.renderStatus()} ${this.renderEasyLanguage(facts)} ${this.renderAssessment(facts)}
      ${this.renderFeedback(facts)}
      ${this.renderEnforcement(facts)}
    `;
  }

  private renderStatus() {
    return html`
      <section aria-labelledby="status">
        <h2 id="status">${msg('Conformance status', { id: 'accessibility.status.title' })}</h2>
        <p>
          ${msg(
            'This site is partially conformant with the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA and with BITV 2.0. It is built to meet them, but no independent audit has confirmed that yet.',
            { id: 'accessibility.status.text' },
          )}
        </p>
        <h3>${msg('Content that is not accessible yet', { id: 'accessibility.gaps.title' })}</h3>
        <ul>
          <li>
            ${msg(
              'Texts the organisation writes itself, such as programme descriptions and messages, are not checked automatically; they may lack headings or plain wording.',
              { id: 'accessibility.gaps.content' },
            )}
          </li>
          <li>
            ${msg(
              'No independent test (for example a BITV test) has been carried out, so barriers we have not found ourselves may remain.',
              { id: 'accessibility.gaps.audit' },
            )}
          </li>
        </ul>
      </section>
    `;
  }

  /** § 4 BITV 2.0: the site explained in Leichte Sprache and, where the operator has one, in DGS. */
  private renderEasyLanguage(facts: AccessibilityFacts) {
    const video = facts.signLanguageVideoUrl;
    return html`
      <section aria-labelledby="easy">
        <h2 id="easy">
          ${msg('Easy Language and sign language', { id: 'accessibility.easy.title' })}
        </h2>
        <p>
          ${msg(
            'What this site is, how to use it and how accessible it is, explained in Leichte Sprache (Easy German):',
            { id: 'accessibility.easy.text' },
          )}
          <a href="/leichte-sprache" lang="de">Tandem in Leichter Sprache</a>
        </p>
        ${
          video
            ? html`<p>
              <a href=${video}
                >${msg('Information in German Sign Language', {
                  id: 'accessibility.easy.signLanguage',
                })}</a
              >
            </p>`
            : null
        }
      </section>
    `;
  }

  private renderAssessment(facts: AccessibilityFacts) {
    const date = facts.statementDate ? formatDay(facts.statementDate) : null;
    return html`
      <section aria-labelledby="assessment">
        <h2 id="assessment">
          ${msg('How this statement was made', { id: 'accessibility.assessment.title' })}
        </h2>
        <p>
          ${msg(
            'The statement is based on a self-assessment by the developers: every page is checked in German and English with the automated accessibility checker axe, and walked through with the keyboard only, at phone and desktop widths.',
            { id: 'accessibility.assessment.text' },
          )}
        </p>
        ${
          date
            ? html`<p>
              ${msg(str`This statement was made or last reviewed on ${date}.`, {
                id: 'accessibility.assessment.date',
              })}
            </p>`
            : null
        }
      </section>
    `;
  }

  private renderFeedback(facts: AccessibilityFacts) {
    const { contactEmail: email, contactUrl: url } = facts;
    return html`
      <section aria-labelledby="feedback">
        <h2 id="feedback">${msg('Feedback and contact', { id: 'accessibility.feedback.title' })}</h2>
        <p>
          ${msg(
            'Have you come across a barrier on this site, or do you need information from it in an accessible form? Please tell us.',
            { id: 'accessibility.feedback.text' },
          )}
        </p>
        ${
          email || url
            ? html`<ul>
              ${
                email
                  ? html`<li>
                    ${msg('Email:', { id: 'accessibility.feedback.email' })}
                    <a href=${`mailto:${email}`}>${email}</a>
                  </li>`
                  : null
              }
              ${
                url
                  ? html`<li>
                    <a href=${url}>${msg('Contact form', { id: 'accessibility.feedback.form' })}</a>
                  </li>`
                  : null
              }
            </ul>`
            : html`<p>
              ${msg(
                'Please contact the organisation that runs this site, for example through its accessibility or IT officer.',
                { id: 'accessibility.feedback.none' },
              )}
            </p>`
        }
      </section>
    `;
  }

  private renderEnforcement(facts: AccessibilityFacts) {
    return html`
      <section aria-labelledby="enforcement">
        <h2 id="enforcement">
          ${msg('Enforcement procedure', { id: 'accessibility.enforcement.title' })}
        </h2>
        <p>
          ${msg(
            'If you do not receive a satisfactory answer to your feedback within six weeks, you can ask a conciliation body for help. The procedure is free of charge and you do not need a lawyer.',
            { id: 'accessibility.enforcement.text' },
          )}
        </p>
        ${
          facts.enforcementBody
            ? html`<p class="operator-text">${facts.enforcementBody}</p>`
            : html`<p>
                ${msg(
                  'For federal agencies this is the conciliation body under § 16 of the Disability Equality Act (Schlichtungsstelle nach § 16 BGG); agencies of a federal state name the conciliation body of their state.',
                  { id: 'accessibility.enforcement.federal' },
                )}
              </p>
              <p>
                <a href=${FEDERAL_CONCILIATION_BODY}
                  >${msg('Website of the conciliation body under § 16 BGG', {
                    id: 'accessibility.enforcement.link',
                  })}</a
                >
              </p>`
        }
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-accessibility-page': TandemAccessibilityPage;
  }
}
