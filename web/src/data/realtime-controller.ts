import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { REALTIME, type RealtimeEvent } from './realtime.js';

/**
 * Calls `onEvent` for each realtime event of one of `types` while the host element is on the
 * page; the listener goes with the element.
 */
export class RealtimeController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly types: readonly string[],
    private readonly onEvent: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener(REALTIME, this.listener);
  }

  hostDisconnected(): void {
    window.removeEventListener(REALTIME, this.listener);
  }

  private readonly listener = (event: Event) => {
    if (this.types.includes((event as CustomEvent<RealtimeEvent>).detail.type)) this.onEvent();
  };
}
