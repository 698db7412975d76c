import type { EntityManager } from '@mikro-orm/postgresql';
import { EXIT_USAGE, OperatorError } from '../errors.js';
import { Programme } from '../modules/programmes/programme.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The programme a command line names, by id or by its exact name.
 *
 * @throws OperatorError when none or several programmes fit.
 */
export async function programmeArgument(em: EntityManager, idOrName: string): Promise<Programme> {
  const found = await em
    .fork()
    .find(Programme, UUID.test(idOrName) ? { id: idOrName } : { name: idOrName }, { limit: 5 });
  if (found.length > 1)
    throw new OperatorError(
      `Several programmes are named ${idOrName}; name one by its id: ${found.map((p) => p.id).join(', ')}`,
      EXIT_USAGE,
    );
  const [programme] = found;
  if (!programme)
    throw new OperatorError(`No programme has the id or exact name ${idOrName}.`, EXIT_USAGE);
  return programme;
}
