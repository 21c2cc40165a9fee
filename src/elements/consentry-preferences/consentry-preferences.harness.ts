import { waitFor } from '../../ui.harness.js';
import type { ConsentryPreferences } from './consentry-preferences.js';

/** Drives `<consentry-preferences>` in tests. */
export class PreferencesHarness {
  constructor(readonly element: ConsentryPreferences) {}

  /** Waits until the preference centre is open. */
  static async find(): Promise<PreferencesHarness> {
    const element = await waitFor(() => {
      const el = document.querySelector('consentry-preferences');
      return el?.shadowRoot?.querySelector('dialog[open]') ? el : null;
    });
    return new PreferencesHarness(element);
  }

  get root(): ShadowRoot {
    return this.element.shadowRoot as ShadowRoot;
  }

  get dialog(): HTMLDialogElement {
    return this.root.querySelector('dialog') as HTMLDialogElement;
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }

  get text(): string {
    return (this.dialog.textContent).replace(/\s+/g, ' ').trim();
  }

  get status(): HTMLElement {
    return this.root.querySelector('[role="status"]') as HTMLElement;
  }

  get switches(): HTMLInputElement[] {
    return [...this.root.querySelectorAll<HTMLInputElement>('input[part="toggle"]')];
  }

  switchFor(category: string): HTMLInputElement {
    return this.root.getElementById(`switch-${category}`) as HTMLInputElement;
  }

  /** Names of the categories switched on. */
  get checked(): string[] {
    return this.switches.filter((s) => s.checked).map((s) => s.id.replace('switch-', ''));
  }

  button(part: 'save' | 'accept-all' | 'reject-all'): HTMLButtonElement {
    return this.root.querySelector(`button[part="${part}"]`) as HTMLButtonElement;
  }

  get closeButton(): HTMLButtonElement {
    return this.root.querySelector('button.close') as HTMLButtonElement;
  }

  /** Clicks a switch, as a pointer user would. */
  toggle(category: string): void {
    this.switchFor(category).click();
  }

  expandAll(): void {
    for (const details of this.root.querySelectorAll('details')) details.open = true;
  }

  clickSave(): void {
    this.button('save').click();
  }

  clickAcceptAll(): void {
    this.button('accept-all').click();
  }

  clickRejectAll(): void {
    this.button('reject-all').click();
  }

  /** Resolves once the dialog has closed. */
  closed(): Promise<boolean> {
    return waitFor(() => !this.dialog.open);
  }
}
