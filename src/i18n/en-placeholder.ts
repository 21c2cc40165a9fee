/**
 * The embed placeholder's English strings, on their own so that its chunk
 * carries these four and not the preference centre's. They stay keys of the
 * details table (`enDetails` spreads them), so every `details/<lang>.ts` keeps
 * translating them and a `texts` override names them as before.
 */
export const enPlaceholder = {
  blocked: '{service} is blocked until you allow {category}.',
  sets: 'It would set: {cookies}.',
  allowCategory: 'Allow {category}',
  allowService: 'Allow only this {service}',
};

export type PlaceholderStrings = typeof enPlaceholder;
