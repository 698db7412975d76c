import { localized, msg } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { readSite, type Site } from '../data/site.js';
import {
  ABOUT,
  ACCESSIBILITY,
  EASY_CONTACT,
  EASY_FRAME,
  EASY_PARTS,
  type EasyBlock,
  type EasyPart,
  ownerSentence,
} from '../i18n/de/leichte-sprache.js';
import { getLocale } from '../i18n/locale.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** The general conciliation body, as on the accessibility statement. */
const FEDERAL_CONCILIATION_BODY = 'https://www.schlichtungsstelle-bgg.de/';

/**
 * Tandem in Leichte Sprache (§ 4 BITV 2.0): what the site is, how to use it and how accessible
 * it is, one page each. The text is German in both languages of the app and marked lang="de",
 * so screen readers read it with a German voice on English pages too. The operator's facts
 * (name, contact, conciliation body, sign language video) come from GET /api/site.
 */
@localized()
@customElement('tandem-leichte-sprache-page')
export class TandemLeichteSprachePage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .easy {
        max-width: 40rem;
        font-size: 1.15rem;
        line-height: 1.8;
      }
      .easy h2 {
        margin-top: 2rem;
      }
      .easy p,
      .easy ul {
        margin: 0 0 1.25rem;
      }
      /* Leichte Sprache puts every sentence on a line of its own. */
      .sentence {
        display: block;
      }
      .easy li {
        margin-bottom: 0.5rem;
      }
      nav ul {
        padding-left: 1.25rem;
      }
      nav a[aria-current='page'] {
        font-weight: bold;
      }
      .note {
        max-width: 40rem;
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
    const part = EASY_PARTS.find((candidate) => candidate.path === location.pathname) ?? ABOUT;
    const site = this.site.value;
    // The heading does not wait for the site's facts, so the shell can focus it at once.
    return html`
      ${getLocale() === 'en' ? html`<p class="note">${this.englishNote()}</p>` : nothing}
      <div class="easy" lang="de">
        <h1>${part.title}</h1>
        ${this.renderParts(part)} ${site ? this.renderSignLanguage(site) : nothing}
        ${part.intro.map((block) => renderBlock(block))}
        ${part === ABOUT ? html`<p>${ownerSentence(site?.organisationName ?? null)}</p>` : nothing}
        ${part.sections.map(
          (section) => html`
            <h2>${section.heading}</h2>
            ${section.blocks.map((block) => renderBlock(block))}
          `,
        )}
        ${part === ACCESSIBILITY && site ? this.renderContact(site) : nothing}
      </div>
    `;
  }

  /** On English pages, one English line says why the rest is German. */
  private englishNote() {
    return msg(
      'These pages are in German only, in Leichte Sprache (Easy German): short sentences and explained words.',
      { id: 'leichteSprache.englishNote' },
    );
  }

  private renderParts(current: EasyPart) {
    return html`
      <nav aria-label=${EASY_FRAME.partsLabel}>
        <p>${EASY_FRAME.partsIntro}</p>
        <ul>
          ${EASY_PARTS.map(
            (part) => html`<li>
              <a href=${part.path} aria-current=${part === current ? 'page' : 'false'}
                >${part.title}</a
              >
            </li>`,
          )}
        </ul>
      </nav>
    `;
  }

  private renderSignLanguage(site: Site) {
    const url = site.accessibility.signLanguageVideoUrl;
    if (!url) return nothing;
    return html`
      <p>${sentences(EASY_FRAME.signLanguageIntro)}</p>
      <p><a href=${url}>${EASY_FRAME.signLanguage}</a></p>
    `;
  }

  private renderContact(site: Site) {
    const { contactEmail: email, contactUrl: url, enforcementBody } = site.accessibility;
    return html`
      <h2>${EASY_CONTACT.heading}</h2>
      ${renderBlock({ sentences: EASY_CONTACT.intro })}
      ${
        email
          ? html`<p>
            <span class="sentence">${EASY_CONTACT.email}</span>
            <a href=${`mailto:${email}`}>${email}</a>
          </p>`
          : nothing
      }
      ${
        url
          ? html`<p>
            <span class="sentence">${EASY_CONTACT.formIntro}</span>
            <a href=${url}>${EASY_CONTACT.form}</a>
          </p>`
          : nothing
      }
      ${email || url ? nothing : renderBlock({ sentences: EASY_CONTACT.none })}
      <h2>${EASY_CONTACT.complaintHeading}</h2>
      ${renderBlock({ sentences: EASY_CONTACT.complaint })}
      ${
        enforcementBody
          ? html`<p>
            <span class="sentence">${EASY_CONTACT.operatorBody}</span>
            <span class="sentence operator-text">${enforcementBody}</span>
          </p>`
          : html`<p><a href=${FEDERAL_CONCILIATION_BODY}>${EASY_CONTACT.federalBody}</a></p>`
      }
      <p>
        <span class="sentence">${EASY_CONTACT.statementIntro}</span>
        <a href="/accessibility">${EASY_CONTACT.statement}</a>
      </p>
    `;
  }
}

function renderBlock(block: EasyBlock) {
  if ('list' in block)
    return html`<ul>
      ${block.list.map((item) => html`<li>${typeof item === 'string' ? item : sentences(item)}</li>`)}
    </ul>`;
  return html`<p>${sentences(block.sentences)}</p>`;
}

/** Leichte Sprache puts every sentence on a line of its own. */
function sentences(lines: string[]) {
  return lines.map((sentence) => html`<span class="sentence">${sentence}</span>`);
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-leichte-sprache-page': TandemLeichteSprachePage;
  }
}
