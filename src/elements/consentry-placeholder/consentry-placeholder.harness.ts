import { waitFor } from '../../ui.harness.js';
import { ConsentryPlaceholder } from './consentry-placeholder.js';

/** Drives the `<consentry-placeholder>` that stands before a gated iframe. */
export class PlaceholderHarness {
  constructor(readonly element: ConsentryPlaceholder) {}

  /** Waits for the placeholder of `frame` and its contents (built when it connects). */
  static async find(frame: HTMLIFrameElement): Promise<PlaceholderHarness> {
    const element = await waitFor(() => {
      const el = frame.previousElementSibling;
      return el instanceof ConsentryPlaceholder ? el : null;
    });
    await waitFor(() => element.shadowRoot?.querySelector('button'));
    return new PlaceholderHarness(element);
  }

  get root(): ShadowRoot {
    return this.element.shadowRoot as ShadowRoot;
  }

  get text(): string {
    return (this.root.textContent).replace(/\s+/g, ' ').trim();
  }

  get allowCategoryButton(): HTMLButtonElement {
    return this.root.querySelector('button[part="allow-category"]') as HTMLButtonElement;
  }

  get allowServiceButton(): HTMLButtonElement | null {
    return this.root.querySelector('button[part="allow-service"]');
  }

  clickAllowCategory(): void {
    this.allowCategoryButton.click();
  }

  clickAllowService(): void {
    this.allowServiceButton?.click();
  }

  /** Resolves once the placeholder has given its place back to the iframe. */
  gone(): Promise<boolean> {
    return waitFor(() => !this.element.isConnected);
  }
}
