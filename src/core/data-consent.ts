/**
 * `data-consent`, read in one place for the gate, the placeholders and anyone
 * else: `category` or `category:service`. An empty service (`analytics:`)
 * means the whole category. Anything else (`a:b:c`, no category) names
 * nothing, so it is never allowed: a marker that cannot be read fails closed.
 */
export const parseConsent = (value: string | null): [category: string, service?: string] => {
  const [category = '', service, extra] = (value ?? '').split(':');
  return extra === undefined ? [category, service || undefined] : [''];
};
