import { css } from 'lit';

/** Takes the blocked iframe's box (width and height set on the host), shrinking to fit narrow screens. */
export const placeholderStyles = css`
  :host {
    box-sizing: border-box;
    display: block;
    max-width: 100%;
    overflow: auto;
    padding: 1rem;
    background: var(--consentry-background);
    border: 2px dashed var(--consentry-border);
    border-radius: var(--consentry-radius);
  }
  p {
    margin: 0 0 0.75rem;
  }
  div {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
`;
