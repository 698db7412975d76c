import { msg, str } from '@lit/localize';
import type { ErrorParams } from './error-wording.js';

/** Why a channel instance or a programme's choice of one was refused; undefined for another code. */
export function channelInstanceRefusal(code: string, params: ErrorParams): string | undefined {
  switch (code) {
    case 'channel-instance.config':
      return msg(str`The setting ${params.field ?? ''} is not valid: ${secretProblem(params)}`, {
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

/**
 * Why a secret field cannot be read, in the admin's language; another problem (the plugin's
 * schema, in its own words) as the server gave it.
 */
function secretProblem(params: ErrorParams): string {
  const name = String(params.name ?? '');
  switch (params.reason) {
    case 'literal':
      return msg(
        'it is a secret, so give a reference instead of the value: {"env": "TANDEM_SECRET_NAME"} or {"file": "name"}.',
        { id: 'channels.secret.literal' },
      );
    case 'variable-name':
      return msg(
        str`only variables whose name starts with TANDEM_SECRET_ can be named, not ${name}.`,
        {
          id: 'channels.secret.variableName',
        },
      );
    case 'variable-unset':
      return msg(str`the variable ${name} is not set on the server.`, {
        id: 'channels.secret.variableUnset',
      });
    case 'outside-folder':
      return msg(str`only files in the server's secrets folder ${name} can be named.`, {
        id: 'channels.secret.outsideFolder',
      });
    case 'unreadable':
      return msg(str`the file ${name} cannot be read on the server.`, {
        id: 'channels.secret.unreadable',
      });
    default:
      return String(params.problem ?? '');
  }
}
