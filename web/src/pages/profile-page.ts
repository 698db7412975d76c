import { localized, msg } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { announce } from '../components/announcer.js';
import { channelLabel } from '../components/programme-labels.js';
import type { TandemProfileForm } from '../components/tandem-profile-form.js';
import { errorText, taskView } from '../components/task-view.js';
import '../components/tandem-data-rights.js';
import '../components/tandem-my-certificates.js';
import '../components/tandem-profile-form.js';
import {
  listSkills,
  type Preferences,
  type Profile,
  readPreferences,
  readProfile,
  type Skill,
  savePreferences,
  saveProfile,
  WEBHOOK,
} from '../data/profile.js';
import { readSite } from '../data/site.js';
import { type Locale, useLocale } from '../i18n/locale.js';
import { sharedStyles } from '../styles/shared-styles.js';

interface Loaded {
  skills: Skill[];
  defaultLocale: Locale;
  /** Channels besides the inbox that this server runs. */
  channels: string[];
}

type LocaleChoice = Locale | 'organisation';

/**
 * My reusable profile (what every enrolment starts from) and my preferences: the app's
 * language and the channels Tandem may use to reach me. Each part saves on its own.
 */
@localized()
@customElement('tandem-profile-page')
export class TandemProfilePage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        margin-bottom: 2.5rem;
      }
      input[type='url'] {
        width: 100%;
        max-width: 36rem;
      }
    `,
  ];

  @state() private accessor profile: Profile | null = null;
  @state() private accessor preferences: Preferences | null = null;
  @state() private accessor profileError = '';
  @state() private accessor preferencesError = '';
  @state() private accessor webhookError = '';
  @state() private accessor savingProfile = false;
  @state() private accessor savingPreferences = false;
  @query('tandem-profile-form') private accessor form: TandemProfileForm | null = null;

  private readonly data = new Task(this, {
    task: async (_args, { signal }): Promise<Loaded> => {
      const [profile, preferences, skills, site] = await Promise.all([
        readProfile(signal),
        readPreferences(),
        listSkills(signal),
        readSite(signal),
      ]);
      const { defaultLocale, channels } = site;
      this.profile = profile;
      // A channel that is no longer run cannot be muted or addressed: the server would refuse.
      this.preferences = {
        ...preferences,
        mutedChannels: preferences.mutedChannels.filter((c) => channels.includes(c)),
        channelAddresses: Object.fromEntries(
          Object.entries(preferences.channelAddresses).filter(([c]) => channels.includes(c)),
        ),
      };
      return { skills, defaultLocale, channels };
    },
    args: () => [] as const,
  });

  override render() {
    return html`<h1>${msg('Profile and preferences', { id: 'profilePage.title' })}</h1>
      ${taskView(this.data, (loaded) => this.renderLoaded(loaded))}`;
  }

  private renderLoaded(loaded: Loaded) {
    return html`${this.renderProfile(loaded)} ${this.renderPreferences(loaded)}
      <section aria-labelledby="certificates-heading">
        <h2 id="certificates-heading">${msg('My certificates', { id: 'certificates.title' })}</h2>
        <tandem-my-certificates></tandem-my-certificates>
      </section>
      <tandem-data-rights></tandem-data-rights>`;
  }

  private renderProfile({ skills }: Loaded) {
    if (!this.profile) return nothing;
    return html`<section aria-labelledby="profile-heading">
      <h2 id="profile-heading">${msg('My profile', { id: 'profilePage.profile' })}</h2>
      <p class="hint">
        ${msg(
          'Each programme you join starts from this profile, and what you enter when joining is saved here too.',
          { id: 'profilePage.profile.hint' },
        )}
      </p>
      <form novalidate @submit=${this.submitProfile}>
        <tandem-profile-form
          .profile=${this.profile}
          .skills=${skills}
          @change=${(e: CustomEvent<Profile>) => {
            this.profile = e.detail;
          }}
        ></tandem-profile-form>
        ${
          this.profileError
            ? html`<p role="alert" class="error-text">${this.profileError}</p>`
            : nothing
        }
        <div class="actions">
          <button type="submit" ?disabled=${this.savingProfile}>
            ${msg('Save profile', { id: 'profilePage.profile.save' })}
          </button>
        </div>
      </form>
    </section>`;
  }

  private readonly submitProfile = async (event: Event) => {
    event.preventDefault();
    if (!this.profile || !this.form) return;
    if (!(await this.form.validate())) return;
    this.savingProfile = true;
    this.profileError = '';
    try {
      this.profile = await saveProfile(this.profile);
      announce(msg('Saved', { id: 'profilePage.saved' }));
    } catch (error) {
      this.profileError = errorText(error);
    } finally {
      this.savingProfile = false;
    }
  };

  private renderPreferences({ defaultLocale, channels }: Loaded) {
    const preferences = this.preferences;
    if (!preferences) return nothing;
    const choice: LocaleChoice = preferences.locale ?? 'organisation';
    const organisation =
      defaultLocale === 'de'
        ? msg('As my organisation (German)', { id: 'profilePage.locale.orgDe' })
        : msg('As my organisation (English)', { id: 'profilePage.locale.orgEn' });
    const locales: [LocaleChoice, string, string | null][] = [
      ['de', 'Deutsch', 'de'],
      ['en', 'English', 'en'],
      ['organisation', organisation, null],
    ];
    const webhookOn = channels.includes(WEBHOOK) && !preferences.mutedChannels.includes(WEBHOOK);
    return html`<section aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">${msg('Preferences', { id: 'profilePage.preferences' })}</h2>
      <form novalidate @submit=${(e: Event) => this.submitPreferences(e, defaultLocale)}>
        <fieldset>
          <legend>${msg('Language', { id: 'profilePage.locale' })}</legend>
          <div class="choices">
            ${locales.map(
              ([value, label, lang]) => html`<div class="choice">
                <input
                  type="radio"
                  name="locale"
                  id=${`locale-${value}`}
                  .checked=${choice === value}
                  @change=${() => {
                    this.preferences = {
                      ...preferences,
                      locale: value === 'organisation' ? null : value,
                    };
                  }}
                />
                <label for=${`locale-${value}`} lang=${lang ?? nothing}>${label}</label>
              </div>`,
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>${msg('How Tandem may reach me', { id: 'profilePage.channels' })}</legend>
          <p class="hint">
            ${
              channels.length
                ? msg(
                    'Messages always arrive in your inbox in Tandem. You can also have them sent:',
                    {
                      id: 'profilePage.channels.hint',
                    },
                  )
                : msg('Messages arrive in your inbox in Tandem.', {
                    id: 'profilePage.channels.inboxOnly',
                  })
            }
          </p>
          <div class="choices">
            ${channels.map(
              (channel) => html`<div class="choice">
                <input
                  type="checkbox"
                  id=${`channel-${channel}`}
                  .checked=${!preferences.mutedChannels.includes(channel)}
                  @change=${(e: Event) =>
                    this.toggleChannel(channel, (e.target as HTMLInputElement).checked)}
                />
                <label for=${`channel-${channel}`}>${channelLabel(channel)}</label>
              </div>`,
            )}
          </div>
        </fieldset>
        ${webhookOn ? this.renderWebhook(preferences) : nothing}
        ${
          this.preferencesError
            ? html`<p role="alert" class="error-text">${this.preferencesError}</p>`
            : nothing
        }
        <div class="actions">
          <button type="submit" ?disabled=${this.savingPreferences}>
            ${msg('Save preferences', { id: 'profilePage.preferences.save' })}
          </button>
        </div>
      </form>
    </section>`;
  }

  private renderWebhook(preferences: Preferences) {
    return html`<div class="field">
      <label for="webhook">${msg('Chat webhook address', { id: 'profilePage.webhook' })}</label>
      <input
        id="webhook"
        type="url"
        inputmode="url"
        autocomplete="off"
        maxlength="2000"
        .value=${preferences.channelAddresses[WEBHOOK] ?? ''}
        aria-invalid=${this.webhookError ? 'true' : 'false'}
        aria-describedby=${this.webhookError ? 'webhook-hint webhook-error' : 'webhook-hint'}
        @input=${(e: Event) => {
          const value = (e.target as HTMLInputElement).value.trim();
          const { [WEBHOOK]: _, ...others } = preferences.channelAddresses;
          this.preferences = {
            ...preferences,
            channelAddresses: value ? { ...others, [WEBHOOK]: value } : others,
          };
        }}
      />
      <p id="webhook-hint" class="hint">
        ${msg(
          'Optional: the address of an incoming webhook of your team chat, starting with https://.',
          {
            id: 'profilePage.webhook.hint',
          },
        )}
      </p>
      ${
        this.webhookError
          ? html`<p id="webhook-error" role="alert" class="error-text">${this.webhookError}</p>`
          : nothing
      }
    </div>`;
  }

  private toggleChannel(channel: string, on: boolean): void {
    if (!this.preferences) return;
    const muted = this.preferences.mutedChannels.filter((c) => c !== channel);
    this.preferences = { ...this.preferences, mutedChannels: on ? muted : [...muted, channel] };
  }

  private async submitPreferences(event: Event, defaultLocale: Locale): Promise<void> {
    event.preventDefault();
    const preferences = this.preferences;
    if (!preferences) return;
    const address = preferences.channelAddresses[WEBHOOK];
    this.webhookError = '';
    if (address && !preferences.mutedChannels.includes(WEBHOOK) && !isHttpUrl(address)) {
      this.webhookError = msg('Enter a full address starting with https://.', {
        id: 'profilePage.webhook.error',
      });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#webhook')?.focus();
      return;
    }
    this.savingPreferences = true;
    this.preferencesError = '';
    try {
      this.preferences = await savePreferences(preferences);
      // The app follows the choice at once; "as my organisation" means its language.
      await useLocale(this.preferences.locale ?? defaultLocale);
      announce(msg('Saved', { id: 'profilePage.saved' }));
    } catch (error) {
      this.preferencesError = errorText(error);
    } finally {
      this.savingPreferences = false;
    }
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-profile-page': TandemProfilePage;
  }
}
