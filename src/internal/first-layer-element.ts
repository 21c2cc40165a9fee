/**
 * A minimal reactive base for the elements of the first visit. LitElement is
 * lit-html plus ReactiveElement; ReactiveElement alone is about 2.6 kB brotli,
 * a quarter of the first-visit budget. The banner and the placeholders need
 * none of its attribute reflection or property machinery: they render with
 * lit-html from the consent state, through the same ReactiveController
 * protocol (`addController`, `requestUpdate`, `updateComplete`), so
 * `ConsentController` serves both kinds of element. The preference centre and
 * the policy viewer, loaded on demand, are full LitElements.
 */
import { render, type TemplateResult, type nothing } from 'lit-html';
import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import type { CSSResult } from '@lit/reactive-element/css-tag.js';

export abstract class FirstLayerElement extends HTMLElement implements ReactiveControllerHost {
  /** Styles adopted by every instance's shadow root. */
  static styles: CSSResult[] = [];

  readonly renderRoot: ShadowRoot;
  private readonly controllers = new Set<ReactiveController>();
  private pending?: Promise<boolean>;
  private rendered = false;

  constructor() {
    super();
    this.renderRoot = this.attachShadow({ mode: 'open' });
    this.renderRoot.adoptedStyleSheets = (this.constructor as typeof FirstLayerElement).styles.map((s) => s.styleSheet!);
  }

  abstract render(): TemplateResult | typeof nothing;

  /** After every render; `first` on the first one. */
  protected updated(_first: boolean): void {}

  addController(controller: ReactiveController): void {
    this.controllers.add(controller);
    if (this.isConnected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    this.controllers.delete(controller);
  }

  /** Re-renders in a microtask; several requests make one render. */
  requestUpdate(): void {
    this.pending ??= Promise.resolve().then(() => {
      this.pending = undefined;
      this.update();
      return true;
    });
  }

  get updateComplete(): Promise<boolean> {
    return this.pending ?? Promise.resolve(true);
  }

  connectedCallback(): void {
    for (const c of this.controllers) c.hostConnected?.();
    // Synchronously: the banner is laid out in the frame it is added.
    this.update();
  }

  disconnectedCallback(): void {
    for (const c of this.controllers) c.hostDisconnected?.();
  }

  private update(): void {
    render(this.render(), this.renderRoot, { host: this });
    this.updated(!this.rendered);
    this.rendered = true;
  }
}
