import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConsentApi, ConsentState } from '../core/types.js';

/** An element that is given the consent API before it connects. */
export interface ConsentHost extends ReactiveControllerHost {
  api?: ConsentApi;
}

/**
 * Bridges the core and an element: keeps the latest `ConsentState` and asks
 * the host to re-render on every change, for as long as it is connected.
 *
 * @example
 *   private consent = new ConsentController(this);
 *   render() { return this.consent.state?.gpc ? … : …; }
 */
export class ConsentController implements ReactiveController {
  state?: ConsentState;
  private unsubscribe?: () => void;

  constructor(private readonly host: ConsentHost) {
    host.addController(this);
  }

  hostConnected(): void {
    const api = this.host.api;
    this.state = api?.getState();
    this.unsubscribe = api?.onChange((_, state) => {
      this.state = state;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
  }
}
