import { msg, str } from '@lit/localize';
import type { ErrorParams } from './error-wording.js';

/** Why a channel instance or a programme's choice of one was refused; undefined for another code. */
export function channelInstanceRefusal(code: string, params: ErrorParams): string | undefined {
  switch (code) {
    case 'channel-instance.config':
      return msg(str`The setting ${params.field ?? ''} is not valid: ${params.problem ?? ''}`, {
        id: 'channels.error.config',
      });
    case 'channel-instance.channel':
      return msg('This channel is not active on this server.', { id: 'channels.error.channel' });
    case 'channel-instance.exists':
      return msg('This channel has an instance with this name already.', {
        id: 'channels.error.exists',
      });
    case 'channel-instance.in-use':
      return msg(
        str`Programmes post through this instance (${params.programmes ?? ''}): choose another there first.`,
        { id: 'channels.error.inUse' },
      );
    case 'programme.channel-instance':
      return msg('The chosen channel instance no longer exists.', {
        id: 'channels.error.choice',
      });
    default:
      return undefined;
  }
}
