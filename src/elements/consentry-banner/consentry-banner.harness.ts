import { waitFor } from '../../ui.harness.js';
import type { ConsentryBanner } from './consentry-banner.js';

export type BannerButton = 'accept-all' | 'reject-all' | 'manage';

/** Drives `<consentry-banner>` in tests without reaching into its shadow DOM by hand. */
export class BannerHarness {
  constructor(readonly element: ConsentryBanner) {}

  /** Waits for the banner the core shows and for its first render. */
  static async find(): Promise<BannerHarness> {
    const element = await waitFor(() => document.querySelector('consentry-banner'));
    await element.updateComplete;
    return new BannerHarness(element);
  }

  get root(): ShadowRoot {
    return this.element.shadowRoot as ShadowRoot;
  }

  get region(): HTMLElement {
    return this.root.querySelector('[part="banner"]') as HTMLElement;
  }

  get text(): string {
    return (this.region.textContent).replace(/\s+/g, ' ').trim();
  }

  button(part: BannerButton): HTMLButtonElement {
    return this.root.querySelector(`button[part="${part}"]`) as HTMLButtonElement;
  }

  /** The three first-layer choices, in order. */
  get choices(): HTMLButtonElement[] {
    return (['accept-all', 'reject-all', 'manage'] as const).map((part) => this.button(part));
  }

  get objectButton(): HTMLButtonElement | null {
    return this.root.querySelector('button.object');
  }

  get policyLink(): HTMLAnchorElement | null {
    return this.root.querySelector('a');
  }

  clickAcceptAll(): void {
    this.button('accept-all').click();
  }

  clickRejectAll(): void {
    this.button('reject-all').click();
  }

  clickManage(): void {
    this.button('manage').click();
  }

  clickObject(): void {
    this.objectButton?.click();
  }

  /** Resolves once the banner has left the page. */
  gone(): Promise<boolean> {
    return waitFor(() => !this.element.isConnected);
  }
}
