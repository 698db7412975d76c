import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import type { ChannelAddressProblem } from '../notifications/channel-address-problem.js';
import { IN_APP } from '../notifications/notify.js';
import type { Preferences } from './preferences-schema.js';
import { User } from './user.js';

export async function readPreferences(em: EntityManager, userId: string): Promise<Preferences> {
  return preferencesOf(await em.fork().findOneOrFail(User, userId));
}

/**
 * Saves a person's preferences, replacing the old ones.
 *
 * @param channels the channels this server runs, to refuse a name it does not know.
 * @param addressProblem the channels' own judgement of an address, to refuse one they could
 *   never deliver to (a webhook on an internal address) now rather than at the first message.
 * @throws ServiceError invalid for muting the inbox, an unknown channel, an email address
 *   (that one is the identity provider's) or an address its channel refuses.
 */
export async function savePreferences(
  em: EntityManager,
  userId: string,
  preferences: Preferences,
  channels: ReadonlySet<string>,
  addressProblem: ChannelAddressProblem,
): Promise<Preferences> {
  if (preferences.mutedChannels.includes(IN_APP))
    throw new ServiceError(
      'invalid',
      'The in-app inbox cannot be turned off.',
      'preferences.inbox-required',
    );
  const named = [...preferences.mutedChannels, ...Object.keys(preferences.channelAddresses)];
  const unknown = named.find((channel) => !channels.has(channel));
  if (unknown)
    throw new ServiceError(
      'invalid',
      `There is no channel "${unknown}" here; the channels are ${[...channels].join(', ')}.`,
      'preferences.unknown-channel',
      { channel: unknown },
    );
  if ('email' in preferences.channelAddresses)
    throw new ServiceError(
      'invalid',
      'Your email address comes from your organisation account.',
      'preferences.email-from-account',
    );
  const fork = em.fork();
  const user = await fork.findOneOrFail(User, userId);
  // Only a new or changed address is judged: one saved before a channel grew stricter must not
  // stop the person from changing their language. Sending to it still fails at send time.
  for (const [channel, address] of Object.entries(preferences.channelAddresses)) {
    if (user.channelAddresses[channel] === address) continue;
    const problem = addressProblem(channel, address);
    if (problem)
      throw new ServiceError(
        'invalid',
        `The ${channel} address cannot be used: ${problem}.`,
        'preferences.address',
        { channel },
      );
  }
  fork.assign(user, preferences);
  await fork.flush();
  return preferencesOf(user);
}

function preferencesOf(user: User): Preferences {
  return {
    locale: user.locale ?? null,
    mutedChannels: [...user.mutedChannels],
    channelAddresses: { ...user.channelAddresses },
  };
}
