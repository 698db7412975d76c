import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { EnrolmentRole } from '../data/enrolment.js';
import type { Me } from '../data/me.js';
import {
  findPeople,
  type MeetingFormat,
  type Person,
  type Profile,
  type Skill,
} from '../data/profile.js';
import type { ProgrammeKind } from '../data/programmes.js';
import { getLocale } from '../i18n/locale.js';
import { sessionContext } from '../session/session-context.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { announce } from './announcer.js';
import { windowProblem } from './tandem-availability-editor.js';
import { errorText } from './task-view.js';
import './tandem-availability-editor.js';
import './tandem-skill-picker.js';

/** Which part of the profile a form shows: the enrolment asks for it in steps. */
export type ProfileSection = 'skills' | 'details' | 'availability';
const ALL_SECTIONS: ProfileSection[] = ['skills', 'details', 'availability'];

/** Languages people can choose to meet in, named in the app's language by the browser. */
const LANGUAGES = ['de', 'en', 'fr', 'es', 'it', 'pl', 'tr', 'uk', 'ru', 'ar'];

type Errors = Partial<
  Record<
    'skills' | 'languages' | 'experience' | 'location' | 'availability' | 'goals' | 'tags',
    string
  >
>;

/**
 * The reusable profile's fields: skills and tags, experience and meeting preferences,
 * availability, goals and exclusions. The enrolment shows one section per step; the profile
 * page shows all. `validate()` checks the sections shown, shows the errors, moves focus to the
 * first invalid field and returns whether all is well. Fires `change` with the profile.
 */
@localized()
@customElement('tandem-profile-form')
export class TandemProfileForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      input[type='text'],
      input[type='search'],
      textarea {
        width: 100%;
        max-width: 36rem;
      }
      input[type='number'] {
        width: 8rem;
      }
      ul.people {
        padding-left: 0;
        list-style: none;
      }
      ul.people li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.25rem 0;
      }
      .search {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .search input {
        flex: 1 1 14rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true })
  accessor me: Me | null = null;

  @property({ attribute: false }) accessor profile!: Profile;
  @property({ attribute: false }) accessor skills: Skill[] = [];
  @property({ attribute: false }) accessor sections: ProfileSection[] = ALL_SECTIONS;
  /** The role chosen for a programme: it decides which skills are required and the wording. */
  @property({ attribute: false }) accessor enrolRole: EnrolmentRole | null = null;
  @property({ attribute: false }) accessor kind: ProgrammeKind | null = null;
  /** Require at least one availability window (enrolment does; the profile page does not). */
  @property({ type: Boolean }) accessor requireAvailability = false;

  @state() private accessor errors: Errors = {};
  @state() private accessor tagsText = '';
  @state() private accessor goalsText = '';
  @state() private accessor query = '';
  @state() private accessor found: Person[] | null = null;
  @state() private accessor searchError = '';
  /** Names of people excluded in this visit; earlier ones are known only by their id. */
  private readonly names = new Map<string, string>();
  private seeded = false;

  protected override willUpdate(): void {
    // The free-text fields keep what was typed (commas, blank lines), so they are seeded once.
    if (this.profile && !this.seeded) {
      this.tagsText = this.profile.tags.join(', ');
      this.goalsText = this.profile.goals.join('\n');
      this.seeded = true;
    }
  }

  private update_(patch: Partial<Profile>): void {
    this.profile = { ...this.profile, ...patch };
    this.dispatchEvent(new CustomEvent<Profile>('change', { detail: this.profile }));
  }

  /** Checks the sections shown; shows errors and focuses the first invalid field. */
  async validate(): Promise<boolean> {
    const errors: Errors = {};
    const p = this.profile;
    const shown = new Set(this.sections);
    if (shown.has('skills')) {
      const needsOffered = this.enrolRole === 'mentor';
      const needsWanted = this.enrolRole === 'mentee';
      const anyTag = p.tags.length > 0;
      if (needsOffered && !p.skillsOffered.length && !anyTag)
        errors.skills = msg('Choose at least one skill you can share, or add a tag.', {
          id: 'profile.error.offered',
        });
      else if (needsWanted && !p.skillsWanted.length && !anyTag)
        errors.skills = msg('Choose at least one skill you want to learn, or add a tag.', {
          id: 'profile.error.wanted',
        });
      else if (
        this.enrolRole === 'either' &&
        this.kind !== 'peer-lunch' &&
        !p.skillsOffered.length &&
        !p.skillsWanted.length &&
        !anyTag
      )
        errors.skills = msg('Choose at least one skill, or add a tag.', {
          id: 'profile.error.any',
        });
      if (p.tags.length > 20 || p.tags.some((t) => t.length > 80))
        errors.tags = msg('Up to 20 tags of at most 80 characters each.', {
          id: 'profile.error.tags',
        });
    }
    if (shown.has('details')) {
      if (!p.languages.length)
        errors.languages = msg('Choose at least one language.', { id: 'profile.error.languages' });
      const years = p.experienceYears;
      if (years !== undefined && (!Number.isInteger(years) || years < 0 || years > 60))
        errors.experience = msg('Enter whole years between 0 and 60, or leave it empty.', {
          id: 'profile.error.experience',
        });
      if ((p.location ?? '').length > 200)
        errors.location = msg('At most 200 characters.', { id: 'profile.error.location' });
    }
    if (shown.has('availability')) {
      if (p.availability.some((w) => windowProblem(w)))
        errors.availability = msg('Some times are not valid; see below each row.', {
          id: 'profile.error.windows',
        });
      else if (this.requireAvailability && !p.availability.length)
        errors.availability = msg('Add at least one time when you can meet.', {
          id: 'profile.error.noWindows',
        });
      if (p.goals.length > 5 || p.goals.some((g) => g.length > 300))
        errors.goals = msg('Up to 5 goals of at most 300 characters each.', {
          id: 'profile.error.goals',
        });
    }
    this.errors = errors;
    await this.updateComplete;
    const order: [keyof Errors, string][] = [
      ['skills', 'tandem-skill-picker'],
      ['tags', '#tags'],
      ['languages', '#language-de'],
      ['experience', '#experience'],
      ['location', '#location'],
      ['availability', 'tandem-availability-editor'],
      ['goals', '#goals'],
    ];
    const first = order.find(([key]) => errors[key]);
    if (!first) return true;
    const target = this.renderRoot.querySelector<HTMLElement>(first[1]);
    if (first[0] === 'availability' && target)
      (target as HTMLElement & { focusFirstInvalid(): boolean }).focusFirstInvalid();
    else target?.focus();
    return false;
  }

  override render() {
    if (!this.profile) return nothing;
    const shown = new Set(this.sections);
    return html`${shown.has('skills') ? this.renderSkills() : ''}
    ${shown.has('details') ? this.renderDetails() : ''}
    ${shown.has('availability') ? this.renderAvailability() : ''}`;
  }

  private renderSkills() {
    const reverse = this.kind === 'reverse-mentoring';
    const offered = reverse
      ? msg('Digital skills and experience I can share', { id: 'profile.offered.reverse' })
      : msg('Skills I can share', { id: 'profile.offered' });
    const wanted = reverse
      ? msg('What I would like to learn', { id: 'profile.wanted.reverse' })
      : msg('Skills I want to learn', { id: 'profile.wanted' });
    const skillsFirst = this.enrolRole === 'mentee' ? 'wanted' : 'offered';
    const offeredPicker = html`<tandem-skill-picker
      name="offered"
      .legend=${offered}
      .skills=${this.skills}
      .selected=${this.profile.skillsOffered}
      .error=${skillsFirst === 'offered' ? (this.errors.skills ?? '') : ''}
      @change=${(e: CustomEvent<string[]>) => this.update_({ skillsOffered: e.detail })}
    ></tandem-skill-picker>`;
    const wantedPicker = html`<tandem-skill-picker
      name="wanted"
      .legend=${wanted}
      .skills=${this.skills}
      .selected=${this.profile.skillsWanted}
      .error=${skillsFirst === 'wanted' ? (this.errors.skills ?? '') : ''}
      @change=${(e: CustomEvent<string[]>) => this.update_({ skillsWanted: e.detail })}
    ></tandem-skill-picker>`;
    return html`${skillsFirst === 'offered' ? [offeredPicker, wantedPicker] : [wantedPicker, offeredPicker]}
      <div class="field">
        <label for="tags">${msg('Further topics (tags)', { id: 'profile.tags' })}</label>
        <input
          id="tags"
          type="text"
          .value=${this.tagsText}
          aria-invalid=${this.errors.tags ? 'true' : 'false'}
          aria-describedby=${this.errors.tags ? 'tags-hint tags-error' : 'tags-hint'}
          @input=${(e: Event) => {
            this.tagsText = (e.target as HTMLInputElement).value;
            const tags = [
              ...new Set(
                this.tagsText
                  .split(',')
                  .map((t) => t.trim())
                  .filter(Boolean),
              ),
            ];
            this.update_({ tags });
          }}
        />
        <p id="tags-hint" class="hint">
          ${msg('Separated by commas, e.g. Excel macros, podcasts.', { id: 'profile.tags.hint' })}
        </p>
        ${
          this.errors.tags
            ? html`<p id="tags-error" role="alert" class="error-text">${this.errors.tags}</p>`
            : ''
        }
      </div>`;
  }

  private renderDetails() {
    const names = new Intl.DisplayNames([getLocale()], { type: 'language' });
    const languages = [...new Set([...LANGUAGES, ...this.profile.languages])];
    const formats: [MeetingFormat, string][] = [
      ['on-site', msg('On site', { id: 'profile.format.onSite' })],
      ['remote', msg('Remote', { id: 'profile.format.remote' })],
      ['both', msg('Either', { id: 'profile.format.both' })],
    ];
    return html`<div class="field">
        <label for="experience">${msg('Years of working experience', { id: 'profile.experience' })}</label>
        <input
          id="experience"
          type="number"
          min="0"
          max="60"
          step="1"
          inputmode="numeric"
          .value=${this.profile.experienceYears === undefined ? '' : String(this.profile.experienceYears)}
          aria-invalid=${this.errors.experience ? 'true' : 'false'}
          aria-describedby=${this.errors.experience ? 'experience-hint experience-error' : 'experience-hint'}
          @input=${(e: Event) => {
            const value = (e.target as HTMLInputElement).value.trim();
            const { experienceYears: _, ...rest } = this.profile;
            this.profile = rest;
            this.update_(value === '' ? {} : { experienceYears: Number(value) });
          }}
        />
        <p id="experience-hint" class="hint">
          ${msg('Optional. It helps to pair different generations and levels of seniority.', {
            id: 'profile.experience.hint',
          })}
        </p>
        ${
          this.errors.experience
            ? html`<p id="experience-error" role="alert" class="error-text">${this.errors.experience}</p>`
            : ''
        }
      </div>
      <fieldset
        aria-invalid=${this.errors.languages ? 'true' : 'false'}
        aria-describedby=${this.errors.languages ? 'languages-error' : ''}
      >
        <legend>${msg('Languages I can meet in', { id: 'profile.languages' })}</legend>
        ${
          this.errors.languages
            ? html`<p id="languages-error" role="alert" class="error-text">${this.errors.languages}</p>`
            : ''
        }
        <div class="choices">
          ${languages.map(
            (code) => html`<div class="choice">
              <input
                type="checkbox"
                id=${`language-${code}`}
                .checked=${this.profile.languages.includes(code)}
                @change=${(e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  const list = this.profile.languages.filter((l) => l !== code);
                  this.update_({ languages: on ? [...list, code] : list });
                }}
              />
              <label for=${`language-${code}`}>${names.of(code) ?? code}</label>
            </div>`,
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>${msg('How I would like to meet', { id: 'profile.format' })}</legend>
        <div class="choices">
          ${formats.map(
            ([value, label]) => html`<div class="choice">
              <input
                type="radio"
                name="format"
                id=${`format-${value}`}
                .checked=${this.profile.format === value}
                @change=${() => this.update_({ format: value })}
              />
              <label for=${`format-${value}`}>${label}</label>
            </div>`,
          )}
        </div>
      </fieldset>
      <div class="field">
        <label for="location">${msg('Location (building, town)', { id: 'profile.location' })}</label>
        <input
          id="location"
          type="text"
          maxlength="200"
          autocomplete="off"
          .value=${this.profile.location ?? ''}
          aria-invalid=${this.errors.location ? 'true' : 'false'}
          aria-describedby=${this.errors.location ? 'location-error' : ''}
          @input=${(e: Event) => {
            const value = (e.target as HTMLInputElement).value;
            const { location: _, ...rest } = this.profile;
            this.profile = rest;
            this.update_(value.trim() ? { location: value } : {});
          }}
        />
        ${
          this.errors.location
            ? html`<p id="location-error" role="alert" class="error-text">${this.errors.location}</p>`
            : ''
        }
      </div>`;
  }

  private renderAvailability() {
    return html`<tandem-availability-editor
        .legend=${msg('When I can meet (weekly)', { id: 'profile.availability' })}
        .windows=${this.profile.availability}
        .error=${this.errors.availability ?? ''}
        ?showErrors=${Boolean(this.errors.availability)}
        @change=${(e: CustomEvent<Profile['availability']>) => this.update_({ availability: e.detail })}
      ></tandem-availability-editor>
      <div class="field">
        <label for="goals">${msg('My goals', { id: 'profile.goals' })}</label>
        <textarea
          id="goals"
          rows="4"
          .value=${this.goalsText}
          aria-invalid=${this.errors.goals ? 'true' : 'false'}
          aria-describedby=${this.errors.goals ? 'goals-hint goals-error' : 'goals-hint'}
          @input=${(e: Event) => {
            this.goalsText = (e.target as HTMLTextAreaElement).value;
            const goals = this.goalsText
              .split('\n')
              .map((g) => g.trim())
              .filter(Boolean);
            this.update_({ goals });
          }}
        ></textarea>
        <p id="goals-hint" class="hint">
          ${msg('One goal per line, up to five.', { id: 'profile.goals.hint' })}
        </p>
        ${
          this.errors.goals
            ? html`<p id="goals-error" role="alert" class="error-text">${this.errors.goals}</p>`
            : ''
        }
      </div>
      ${this.renderExclusions()}`;
  }

  private renderExclusions() {
    const excluded = this.profile.excludedPersonIds;
    return html`<fieldset>
      <legend>${msg('People I would rather not be paired with', { id: 'profile.excluded' })}</legend>
      <p class="hint" id="excluded-hint">
        ${msg('Optional and confidential: nobody else sees this list.', { id: 'profile.excluded.hint' })}
      </p>
      ${
        excluded.length
          ? html`<ul class="people">
            ${excluded.map((id, index) => {
              const name =
                this.names.get(id) ??
                msg(str`Person ${index + 1} (chosen earlier)`, { id: 'profile.excluded.earlier' });
              return html`<li>
                <span>${name}</span>
                <button
                  type="button"
                  class="secondary"
                  aria-label=${msg(str`Remove ${name}`, { id: 'profile.excluded.remove' })}
                  @click=${() => this.unexclude(id, name)}
                >
                  ${msg('Remove', { id: 'profile.excluded.removeShort' })}
                </button>
              </li>`;
            })}
          </ul>`
          : ''
      }
      <form class="search" role="search" @submit=${this.search}>
        <label class="visually-hidden" for="people">${msg('Search colleagues', { id: 'profile.people.label' })}</label>
        <input
          id="people"
          type="search"
          minlength="2"
          maxlength="100"
          aria-describedby="excluded-hint"
          placeholder=${msg('Name or department', { id: 'profile.people.placeholder' })}
          .value=${this.query}
          @input=${(e: Event) => {
            this.query = (e.target as HTMLInputElement).value;
          }}
        />
        <button type="submit" class="secondary">${msg('Search', { id: 'profile.people.search' })}</button>
      </form>
      ${this.searchError ? html`<p role="alert" class="error-text">${this.searchError}</p>` : ''}
      ${this.renderFound()}
    </fieldset>`;
  }

  private renderFound() {
    if (!this.found) return '';
    // Oneself is never a candidate to be paired with, so not one to exclude either.
    const candidates = this.found.filter(
      (p) => p.id !== this.me?.id && !this.profile.excludedPersonIds.includes(p.id),
    );
    if (!candidates.length)
      return html`<p class="muted">${msg('Nobody found.', { id: 'profile.people.none' })}</p>`;
    return html`<ul class="people" aria-label=${msg('Search results', { id: 'profile.people.results' })}>
      ${candidates.map(
        (person) => html`<li>
          <span>${person.name}${person.department ? html` <span class="muted">(${person.department})</span>` : ''}</span>
          <button
            type="button"
            class="secondary"
            aria-label=${msg(str`Add ${person.name}`, { id: 'profile.excluded.add' })}
            @click=${() => this.exclude(person)}
          >
            ${msg('Add', { id: 'profile.excluded.addShort' })}
          </button>
        </li>`,
      )}
    </ul>`;
  }

  private readonly search = async (event: Event) => {
    event.preventDefault();
    const query = this.query.trim();
    this.searchError = '';
    if (query.length < 2) {
      this.searchError = msg('Enter at least two letters.', { id: 'profile.people.short' });
      return;
    }
    try {
      this.found = await findPeople(query);
      announce(msg(str`${this.found.length} found.`, { id: 'profile.people.count' }));
    } catch (error) {
      this.searchError = errorText(error);
    }
  };

  private exclude(person: Person): void {
    this.names.set(person.id, person.name);
    this.update_({ excludedPersonIds: [...this.profile.excludedPersonIds, person.id] });
    announce(msg(str`${person.name} added.`, { id: 'profile.excluded.added' }));
    this.renderRoot.querySelector<HTMLElement>('#people')?.focus();
  }

  private unexclude(id: string, name: string): void {
    this.update_({ excludedPersonIds: this.profile.excludedPersonIds.filter((x) => x !== id) });
    announce(msg(str`${name} removed.`, { id: 'profile.excluded.removed' }));
    this.renderRoot.querySelector<HTMLElement>('#people')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-profile-form': TandemProfileForm;
  }
}
