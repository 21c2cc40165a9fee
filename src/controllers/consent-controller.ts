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

  private api?: ConsentApi;

  hostConnected(): void {
    const api = (this.api = this.host.api);
    this.state = api?.getState();
    this.unsubscribe = api?.onChange((_, state) => {
      this.state = state;
      this.host.requestUpdate();
    });
  }

  /** A host may be handed its api after it connected (`<consentry-policy>`): follow the new one. */
  hostUpdate(): void {
    if (this.host.api === this.api) return;
    this.unsubscribe?.();
    this.hostConnected();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
