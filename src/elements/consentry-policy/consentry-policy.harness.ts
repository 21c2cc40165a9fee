/**
 * Test driver for `<consentry-policy>`: reads the contents, the cookie tables
 * and the consent panel the way a reader would, so specs (component and e2e)
 * do not depend on the shadow DOM's inner structure.
 */
import type { ConsentryPolicy } from './consentry-policy.js';

export interface TocItem {
  text: string;
  id: string;
  current: boolean;
  children: TocItem[];
}

const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

const must = <T>(value: T | null | undefined, what: string): T => {
  if (value == null) throw new Error(`consentry-policy: no ${what}`);
  return value;
};

export class PolicyHarness {
  constructor(readonly element: ConsentryPolicy) {}

  /** Where the document lives: the page itself for a pre-rendered policy, else the shadow root. */
  get root(): ShadowRoot | HTMLElement {
    if (this.element.querySelector(':scope > article[data-consentry-policy]')) return this.element;
    const root = this.element.shadowRoot;
    if (!root) throw new Error('consentry-policy has no shadow root (not defined?)');
    return root;
  }

  /**
   * Resolves once the policy text is shown and enhanced (polls, at most `ms`).
   * 20 s: WebKit has no scheduler.yield(), so a long policy builds in
   * setTimeout tasks, which took over 5 s on a loaded 2-core CI machine.
   */
  async rendered(ms = 20_000): Promise<this> {
    const end = Date.now() + ms;
    // A pre-rendered policy has no shadow root: it is enhanced in the page.
    const shown = () => this.element.hasAttribute('ready') && !!(this.element.shadowRoot ?? this.element).querySelector('.content');
    while (!shown()) {
      if (Date.now() > end) throw new Error('consentry-policy did not render in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await this.element.updateComplete;
    return this;
  }

  get content(): HTMLElement {
    const content = this.root.querySelector<HTMLElement>('.content');
    if (!content) throw new Error('no policy content');
    return content;
  }

  /** The contents as a tree of two levels. */
  toc(): TocItem[] {
    const item = (li: Element): TocItem => {
      const link = must(li.querySelector(':scope > a'), 'contents link');
      return {
        text: text(link),
        id: decodeURIComponent((link.getAttribute('href') ?? '').slice(1)),
        current: link.getAttribute('aria-current') === 'true',
        children: [...li.querySelectorAll(':scope > ol > li')].map(item),
      };
    };
    return [...this.root.querySelectorAll('nav.toc > ol > li')].map(item);
  }

  tocLink(id: string): HTMLAnchorElement {
    const link = this.root.querySelector<HTMLAnchorElement>(`nav.toc a[href="#${CSS.escape(id)}"]`);
    if (!link) throw new Error(`no contents link to #${id}`);
    return link;
  }

  currentTocIds(): string[] {
    return [...this.root.querySelectorAll('nav.toc a[aria-current="true"]')].map((a) => (a.getAttribute('href') ?? '').slice(1));
  }

  heading(id: string): HTMLElement {
    const heading = this.root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!heading) throw new Error(`no heading #${id}`);
    return heading;
  }

  /** The element focused inside the shadow root. */
  focused(): Element | null {
    const root = this.root;
    return root instanceof ShadowRoot ? root.activeElement : document.activeElement;
  }

  cookieTables(): HTMLTableElement[] {
    return [...this.root.querySelectorAll<HTMLTableElement>('.cookie-declaration table')];
  }

  /** Body rows of a table as trimmed cell texts. */
  static rows(table: HTMLTableElement): string[][] {
    return [...table.tBodies[0].rows].map((row) => [...row.cells].map(text));
  }

  static headers(table: HTMLTableElement): string[] {
    return [...must(table.tHead, 'table head').rows[0].cells].map(text);
  }

  /** The "Your consent" panel, if a reader can see it. */
  consentPanel(): HTMLElement | null {
    const panel = this.root.querySelector<HTMLElement>('[part="consent"]');
    return panel && !panel.hidden ? panel : null;
  }

  /** Definition list of the consent panel as term → description text. */
  consentFacts(): Record<string, string> {
    const facts: Record<string, string> = {};
    const terms = this.consentPanel()?.querySelectorAll('dt') ?? [];
    for (const dt of terms) facts[text(dt)] = text(dt.nextElementSibling);
    return facts;
  }

  staleNotice(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>('[part="notice"]');
  }

  button(label: string): HTMLButtonElement {
    return must([...this.root.querySelectorAll('button')].find((b) => text(b) === label), `button "${label}"`);
  }
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}
interface Axe {
  run(context: Element, options: object): Promise<{ violations: AxeViolation[] }>;
}

/** axe-core on `element` with the WCAG 2.2 AA tag set (A11Y-11); returns the violations. */
export const runAxe = async (element: Element): Promise<AxeViolation[]> => {
  const w = window as unknown as { axe?: Axe };
  // @ts-expect-error axe-core's UMD build has no type declarations; it registers window.axe.
  if (!w.axe) await import('axe-core/axe.min.js');
  const { violations } = await must(w.axe, 'axe').run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  return violations.map(({ id, help, nodes }) => ({ id, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }));
};
