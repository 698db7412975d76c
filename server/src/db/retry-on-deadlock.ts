import { DeadlockException } from '@mikro-orm/core';

/**
 * Runs a transaction again when PostgreSQL chose it as the victim of a deadlock (40P01), as its
 * documentation advises: the other transaction has committed by then, so the retry sees its
 * outcome. For transactions that must lock rows another job may hold in the opposite order (a
 * new lunch round ends every published group of its programme while a job of one group still
 * runs). Any other error, or a third deadlock, goes to the caller.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof DeadlockException) || attempt >= attempts) throw error;
    }
  }
}
