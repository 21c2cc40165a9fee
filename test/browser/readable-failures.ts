/**
 * Loaded by every spec page right after the mocha framework (the runner's
 * `testRunnerHtml`), before the spec file itself.
 *
 * Why: a failed `expect(a).to.equal(b)` keeps `a` and `b` on the error as
 * `actual` / `expected`, and @web/test-runner sends them to the runner with a
 * stable (key-sorting, deep-copying) stringify. When they are DOM nodes, and
 * above all lit elements, that walk never ends: the page reports nothing and
 * the runner gives up after `testsFinishTimeout` ("Browser tests did not
 * finish"), in every engine. This is what made the banner and preference
 * centre files "hang" in WebKit: one assertion about a focused element failed
 * there. A root `afterEach` swaps such values for a short description, so the
 * failure is reported, with its message, like any other.
 */

const MAX_DEPTH = 4;

/** A short name for a node: `<button#id.class>` (in the shadow root of `<host>`). */
export function describeNode(node: Node): string {
  if (!(node instanceof Element)) return node.nodeName;
  const id = node.id ? `#${node.id}` : '';
  const classes = [...node.classList].map((c) => `.${c}`).join('');
  const root = node.getRootNode();
  const host = root instanceof ShadowRoot ? ` in the shadow root of <${root.host.localName}>` : '';
  return `<${node.localName}${id}${classes}>${host}`;
}

const plain = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null || Array.isArray(value);
};

/** `value` with every node, window and class instance replaced by a string, or `value` itself when it is plain data already. */
export function serializable(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Node) return describeNode(value);
  if (value === window) return '[window]';
  if (value instanceof Date || value instanceof RegExp) return String(value);
  if (!plain(value)) return `[${value.constructor?.name ?? 'object'}]`;
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? '[array]' : '[object]';
  if (Array.isArray(value)) return value.map((v) => serializable(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, serializable(v, depth + 1)]));
}

interface ComparisonError {
  actual?: unknown;
  expected?: unknown;
}

declare const mocha: { suite: Mocha.Suite };

mocha.suite.afterEach(function readableFailure(this: Mocha.Context) {
  const error = this.currentTest?.err as ComparisonError | undefined;
  if (!error) return;
  if ('actual' in error) error.actual = serializable(error.actual);
  if ('expected' in error) error.expected = serializable(error.expected);
});
