import { msg } from '@lit/localize';
import type { EnrolmentRole } from '../data/enrolment.js';
import type { MeetingFormat } from '../data/profile.js';
import type { ParticipantProgramme, ProgrammeKind } from '../data/programmes.js';

/** A role in the words of the programme's kind: in reverse mentoring, "digital mentor". */
export function roleLabel(role: EnrolmentRole, kind: ProgrammeKind): string {
  if (kind === 'peer-lunch') return msg('Lunch partner', { id: 'participant.role.peer' });
  if (role === 'either') return msg('Either', { id: 'enrol.role.either' });
  if (kind === 'reverse-mentoring')
    return role === 'mentor'
      ? msg('Digital mentor', { id: 'enrol.role.reverse.mentor' })
      : msg('Leader (mentee)', { id: 'enrol.role.reverse.mentee' });
  return role === 'mentor'
    ? msg('Mentor', { id: 'enrol.role.mentor' })
    : msg('Mentee', { id: 'enrol.role.mentee' });
}

export function formatLabel(format: MeetingFormat | string): string {
  if (format === 'on-site') return msg('On site', { id: 'profile.format.onSite' });
  if (format === 'remote') return msg('Remote', { id: 'profile.format.remote' });
  return msg('On site or remote', { id: 'participant.format.both' });
}

export function kindLabel(kind: ProgrammeKind): string {
  if (kind === 'reverse-mentoring')
    return msg('Reverse mentoring', { id: 'participant.kind.reverse' });
  if (kind === 'classic-mentoring') return msg('Mentoring', { id: 'participant.kind.classic' });
  return msg('Mystery lunch', { id: 'participant.kind.lunch' });
}

export function programmeStateLabel(state: ParticipantProgramme['state']): string {
  switch (state) {
    case 'enrolment':
      return msg('Enrolment open', { id: 'participant.state.enrolment' });
    case 'matching':
      return msg('Matching in progress', { id: 'participant.state.matching' });
    case 'running':
      return msg('Running', { id: 'participant.state.running' });
    case 'closed':
      return msg('Finished', { id: 'participant.state.closed' });
    default:
      return msg('In preparation', { id: 'participant.state.draft' });
  }
}
