import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { announce } from '../components/announcer.js';
import { weekdayName } from '../components/tandem-availability-editor.js';
import type { ProfileSection, TandemProfileForm } from '../components/tandem-profile-form.js';
import { errorText, taskView } from '../components/task-view.js';
import '../components/tandem-profile-form.js';
import '../components/tandem-survey-form.js';
import { type EnrolmentRole, enrol, type MyEnrolment } from '../data/enrolment.js';
import { enrolmentRefusal } from '../data/error-wording.js';
import { listSkills, type Profile, readProfile, type Skill } from '../data/profile.js';
import { getMyProgramme, type ParticipantProgramme } from '../data/programmes.js';
import { getSurvey, type SurveyForm } from '../data/surveys.js';
import { getLocale } from '../i18n/locale.js';
import { navigate } from '../router/router.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { formatLabel, roleLabel } from './participant-texts.js';

const STEPS = 5;
const SECTION_OF_STEP: Record<number, ProfileSection> = {
  2: 'skills',
  3: 'details',
  4: 'availability',
};

interface Loaded {
  programme: ParticipantProgramme;
  skills: Skill[];
}

/**
 * Joining a programme (or changing how one takes part while enrolment is open) in five short
 * steps: role, skills, experience and preferences, availability and goals, review. The form
 * starts from the reusable profile, or from the enrolment when changing it; Back and Next keep
 * what was entered, and Next checks the step first.
 */
@localized()
@customElement('tandem-enrol-page')
export class TandemEnrolPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .progress {
        margin: 0 0 1.5rem;
      }
      .progress label {
        font-weight: 600;
      }
      progress {
        width: 100%;
        max-width: 36rem;
        height: 0.75rem;
        accent-color: var(--tandem-primary);
      }
      .choice {
        display: flex;
        align-items: flex-start;
        gap: 0.6rem;
        margin: 0.5rem 0;
      }
      .choice input {
        margin-top: 0.2rem;
        flex: none;
      }
      .choice label {
        margin: 0;
      }
      .choice .hint {
        display: block;
        font-weight: normal;
      }
      dl {
        display: grid;
        grid-template-columns: minmax(8rem, 14rem) 1fr;
        gap: 0.5rem 1rem;
        margin: 0 0 1rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      @media (max-width: 40rem) {
        dl {
          grid-template-columns: 1fr;
          gap: 0.15rem;
        }
        dd {
          margin-bottom: 0.6rem;
        }
      }
      h2:focus {
        outline: none;
      }
    `,
  ];

  @property({ attribute: false }) accessor params: Record<string, string> = {};

  @state() private accessor step = 1;
  @state() private accessor chosenRole: EnrolmentRole | null = null;
  @state() private accessor profile: Profile | null = null;
  @state() private accessor roleError = '';
  @state() private accessor submitError = '';
  @state() private accessor saving = false;
  /** After joining: the programme's starting survey, offered as a last step that may be skipped. */
  @state() private accessor baseline: SurveyForm | null = null;
  @query('tandem-profile-form') private accessor form: TandemProfileForm | null = null;

  private readonly data = new Task(this, {
    task: async ([id], { signal }): Promise<Loaded> => {
      const [programme, profile, skills] = await Promise.all([
        getMyProgramme(id ?? '', signal),
        readProfile(signal),
        listSkills(signal),
      ]);
      // Changing an enrolment (or joining again after withdrawing) starts from what it holds;
      // joining for the first time from the reusable profile.
      const current = programme.enrolment;
      this.profile = current ? current.profile : profile;
      this.chosenRole = programme.kind === 'peer-lunch' ? 'either' : (current?.role ?? null);
      return { programme, skills };
    },
    args: () => [this.params.id] as const,
  });

  override render() {
    // The heading is there before the data, so the shell can focus it and name the tab.
    const editing = underWay(this.data.value?.programme);
    return html`<h1>
        ${
          editing
            ? msg('Change my enrolment', { id: 'enrol.titleEdit' })
            : msg('Join a programme', { id: 'enrol.title' })
        }
      </h1>
      ${taskView(this.data, (loaded) => this.renderLoaded(loaded))}`;
  }

  private renderLoaded({ programme, skills }: Loaded) {
    if (this.baseline) return this.renderBaseline(this.baseline);
    const editing = underWay(programme);
    if (!programme.canEnrol)
      return html`<h2>${programme.name}</h2>
        <p role="alert">${
          (programme.whyNotCode &&
            enrolmentRefusal(programme.whyNotCode.code, programme.whyNotCode.params)) ??
          msg('Enrolment is not possible at the moment.', { id: 'enrol.notPossible' })
        }</p>
        <p><a href="/">${msg('Back to my programmes', { id: 'enrol.backHome' })}</a></p>`;
    const step = this.step;
    return html`<p class="muted">
        ${
          editing
            ? msg(str`Changing your enrolment in ${programme.name}`, { id: 'enrol.editing' })
            : msg(str`Enrolment for ${programme.name}`, { id: 'enrol.for' })
        }
      </p>
      <div class="progress">
        <label for="progress">${msg(str`Step ${step} of ${STEPS}`, { id: 'enrol.stepOf' })}</label>
        <progress id="progress" max=${STEPS} value=${step}></progress>
      </div>
      <form novalidate @submit=${(e: Event) => this.next(e, programme)}>
        <h2 id="step-heading" tabindex="-1">${this.stepTitle(step)}</h2>
        ${this.renderStep(programme, skills)}
        ${
          this.submitError
            ? html`<p id="submit-error" role="alert" class="error-text" tabindex="-1">${this.submitError}</p>`
            : nothing
        }
        <div class="actions">
          ${
            step > 1
              ? html`<button type="button" class="secondary" @click=${this.back}>
                ${msg('Back', { id: 'enrol.back' })}
              </button>`
              : html`<a class="button secondary" href="/">${msg('Cancel', { id: 'enrol.cancel' })}</a>`
          }
          <button type="submit" ?disabled=${this.saving}>
            ${
              step < STEPS
                ? msg('Next', { id: 'enrol.next' })
                : editing
                  ? msg('Save changes', { id: 'enrol.save' })
                  : msg('Join programme', { id: 'enrol.submit' })
            }
          </button>
        </div>
      </form>`;
  }

  /** The optional last step: the starting survey, or skip it and get it by invitation. */
  private renderBaseline(form: SurveyForm) {
    const { programme } = form;
    return html`<p class="muted">${msg(str`Enrolment for ${programme.name}`, { id: 'enrol.for' })}</p>
      <h2 id="step-heading" tabindex="-1">
        ${msg('Optional: the starting survey', { id: 'surveys.enrol.heading' })}
      </h2>
      <p>
        ${msg(
          'You are in. Would you like to say where you stand today? If you skip it, the survey comes to you later by invitation.',
          { id: 'surveys.enrol.intro' },
        )}
      </p>
      <tandem-survey-form
        .form=${form}
        skippable
        @answered=${() => navigate('/')}
        @skip=${() => {
          announce(
            msg('Skipped: the survey comes to you later by invitation.', {
              id: 'surveys.enrol.skipped',
            }),
          );
          navigate('/');
        }}
      ></tandem-survey-form>`;
  }

  private stepTitle(step: number): string {
    switch (step) {
      case 1:
        return msg('Your role', { id: 'enrol.step.role' });
      case 2:
        return msg('Skills', { id: 'enrol.step.skills' });
      case 3:
        return msg('Experience and how you meet', { id: 'enrol.step.details' });
      case 4:
        return msg('Availability and goals', { id: 'enrol.step.availability' });
      default:
        return msg('Review and confirm', { id: 'enrol.step.review' });
    }
  }

  private renderStep(programme: ParticipantProgramme, skills: Skill[]) {
    if (this.step === 1) return this.renderRole(programme);
    if (this.step === STEPS) return this.renderReview(programme, skills);
    const section = SECTION_OF_STEP[this.step] ?? 'skills';
    return html`<tandem-profile-form
      .profile=${this.profile}
      .skills=${skills}
      .sections=${[section]}
      .enrolRole=${this.chosenRole}
      .kind=${programme.kind}
      requireAvailability
      @change=${(e: CustomEvent<Profile>) => {
        this.profile = e.detail;
      }}
    ></tandem-profile-form>`;
  }

  private renderRole(programme: ParticipantProgramme) {
    if (programme.kind === 'peer-lunch')
      return html`<p>
        ${msg('In a mystery lunch everyone takes part as an equal: there is no role to choose.', {
          id: 'enrol.role.peer',
        })}
      </p>`;
    const reverse = programme.kind === 'reverse-mentoring';
    const options: [EnrolmentRole, string, string][] = reverse
      ? [
          [
            'mentor',
            msg('Digital mentor', { id: 'enrol.role.reverse.mentor' }),
            msg(
              'You know your way around digital tools and ways of working and share them with a leader.',
              {
                id: 'enrol.role.reverse.mentorHint',
              },
            ),
          ],
          [
            'mentee',
            msg('Leader (mentee)', { id: 'enrol.role.reverse.mentee' }),
            msg('You lead a team or unit and learn from a younger or more digital colleague.', {
              id: 'enrol.role.reverse.menteeHint',
            }),
          ],
          [
            'either',
            msg('Either', { id: 'enrol.role.either' }),
            msg('You are happy with either role.', { id: 'enrol.role.eitherHint' }),
          ],
        ]
      : [
          [
            'mentor',
            msg('Mentor', { id: 'enrol.role.mentor' }),
            msg('You share your experience with a colleague.', { id: 'enrol.role.mentorHint' }),
          ],
          [
            'mentee',
            msg('Mentee', { id: 'enrol.role.mentee' }),
            msg('You learn from a more experienced colleague.', { id: 'enrol.role.menteeHint' }),
          ],
          [
            'either',
            msg('Either', { id: 'enrol.role.either' }),
            msg('You are happy with either role.', { id: 'enrol.role.eitherHint' }),
          ],
        ];
    return html`<fieldset
      aria-invalid=${this.roleError ? 'true' : 'false'}
      aria-describedby=${this.roleError ? 'role-error' : ''}
    >
      <legend>${msg('How would you like to take part?', { id: 'enrol.role.legend' })}</legend>
      ${this.roleError ? html`<p id="role-error" role="alert" class="error-text">${this.roleError}</p>` : ''}
      ${options.map(
        ([value, label, hint]) => html`<div class="choice">
          <input
            type="radio"
            name="role"
            id=${`role-${value}`}
            aria-describedby=${`role-${value}-hint`}
            .checked=${this.chosenRole === value}
            @change=${() => {
              this.chosenRole = value;
              this.roleError = '';
            }}
          />
          <label for=${`role-${value}`}
            >${label}<span class="hint" id=${`role-${value}-hint`}>${hint}</span></label
          >
        </div>`,
      )}
    </fieldset>`;
  }

  private renderReview(programme: ParticipantProgramme, skills: Skill[]) {
    const profile = this.profile;
    if (!profile) return nothing;
    const locale = getLocale() === 'de' ? 'de' : 'en';
    const skill = (key: string) => skills.find((s) => s.key === key)?.label[locale] ?? key;
    const list = (items: string[]) =>
      items.length ? items.join(', ') : msg('None', { id: 'enrol.review.none' });
    const languages = new Intl.DisplayNames([getLocale()], { type: 'language' });
    const change = (step: number, what: string) =>
      html`<button type="button" class="secondary" @click=${() => this.goTo(step)}>${what}</button>`;
    return html`<p>
        ${msg('Please check your details. You can change them until matching begins.', {
          id: 'enrol.review.intro',
        })}
      </p>
      <dl>
        <dt>${msg('Programme', { id: 'enrol.review.programme' })}</dt>
        <dd>${programme.name}</dd>
        <dt>${msg('Role', { id: 'enrol.review.role' })}</dt>
        <dd>${this.chosenRole ? roleLabel(this.chosenRole, programme.kind) : ''}</dd>
        <dt>${msg('Skills I can share', { id: 'profile.offered' })}</dt>
        <dd>${list(profile.skillsOffered.map(skill))}</dd>
        <dt>${msg('Skills I want to learn', { id: 'profile.wanted' })}</dt>
        <dd>${list(profile.skillsWanted.map(skill))}</dd>
        <dt>${msg('Further topics (tags)', { id: 'profile.tags' })}</dt>
        <dd>${list(profile.tags)}</dd>
        <dt>${msg('Years of working experience', { id: 'profile.experience' })}</dt>
        <dd>${profile.experienceYears ?? msg('Not given', { id: 'enrol.review.notGiven' })}</dd>
        <dt>${msg('Languages I can meet in', { id: 'profile.languages' })}</dt>
        <dd>${list(profile.languages.map((code) => languages.of(code) ?? code))}</dd>
        <dt>${msg('How I would like to meet', { id: 'profile.format' })}</dt>
        <dd>${formatLabel(profile.format)}${profile.location ? `, ${profile.location}` : ''}</dd>
        <dt>${msg('When I can meet (weekly)', { id: 'profile.availability' })}</dt>
        <dd>
          ${list(profile.availability.map((w) => `${weekdayName(w.weekday)} ${w.from}–${w.to}`))}
        </dd>
        <dt>${msg('My goals', { id: 'profile.goals' })}</dt>
        <dd>${list(profile.goals)}</dd>
        <dt>${msg('People I would rather not be paired with', { id: 'profile.excluded' })}</dt>
        <dd>
          ${
            profile.excludedPersonIds.length
              ? msg(str`${profile.excludedPersonIds.length} (confidential)`, {
                  id: 'enrol.review.excluded',
                })
              : msg('None', { id: 'enrol.review.none' })
          }
        </dd>
      </dl>
      <div class="actions">
        ${programme.kind === 'peer-lunch' ? '' : change(1, msg('Change role', { id: 'enrol.review.changeRole' }))}
        ${change(2, msg('Change skills', { id: 'enrol.review.changeSkills' }))}
        ${change(3, msg('Change experience and format', { id: 'enrol.review.changeDetails' }))}
        ${change(4, msg('Change availability and goals', { id: 'enrol.review.changeAvailability' }))}
      </div>`;
  }

  private readonly back = () => this.goTo(this.step - 1);

  private async goTo(step: number): Promise<void> {
    this.step = Math.min(Math.max(step, 1), STEPS);
    this.submitError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#step-heading')?.focus();
  }

  private async next(event: Event, programme: ParticipantProgramme): Promise<void> {
    event.preventDefault();
    if (this.step === 1 && !this.chosenRole) {
      this.roleError = msg('Choose a role.', { id: 'enrol.error.role' });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('input[name="role"]')?.focus();
      return;
    }
    if (this.form && !(await this.form.validate())) return;
    if (this.step < STEPS) {
      await this.goTo(this.step + 1);
      return;
    }
    await this.submit(programme);
  }

  private async submit(programme: ParticipantProgramme): Promise<void> {
    if (!this.profile || !this.chosenRole) return;
    const editing = underWay(programme);
    this.saving = true;
    this.submitError = '';
    try {
      const saved = await enrol(programme.id, { role: this.chosenRole, profile: this.profile });
      announce(editing ? savedText(programme.name) : joinedText(programme.name, saved));
      const baseline =
        editing || saved.state !== 'active' ? null : await offeredBaseline(programme);
      if (!baseline) return navigate('/');
      this.baseline = baseline;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#step-heading')?.focus();
    } catch (error) {
      this.submitError = errorText(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#submit-error')?.focus();
    } finally {
      this.saving = false;
    }
  }
}

/** Whether the person takes part or waits to (for approval or a place): they change, not join. */
function underWay(programme: ParticipantProgramme | undefined): boolean {
  const state = programme?.enrolment?.state;
  return state === 'active' || state === 'awaiting-approval' || state === 'waitlisted';
}

/** The starting survey when the programme asks it and it is not answered yet; else null. */
async function offeredBaseline(programme: ParticipantProgramme): Promise<SurveyForm | null> {
  try {
    const form = await getSurvey(programme.id, 'baseline');
    return form.answered ? null : form;
  } catch {
    return null;
  }
}

function savedText(name: string): string {
  return msg(str`Your enrolment in ${name} is saved.`, { id: 'enrol.saved' });
}

/** What joining led to: taking part, waiting for the manager, or a place on the waitlist. */
function joinedText(name: string, saved: MyEnrolment): string {
  if (saved.state === 'awaiting-approval')
    return msg(
      str`Your enrolment in ${name} is saved. Your line manager has been asked to approve it; you will hear the answer.`,
      { id: 'enrol.awaitingApproval' },
    );
  if (saved.state === 'waitlisted') {
    const place = saved.waitlistPosition ?? 1;
    return msg(
      str`${name} is full: you are on the waitlist, at place ${place}. When a place frees, you move up.`,
      { id: 'enrol.waitlisted' },
    );
  }
  return msg(str`You have joined ${name}.`, { id: 'enrol.joined' });
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-enrol-page': TandemEnrolPage;
  }
}
