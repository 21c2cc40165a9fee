/**
 * Loaded as a module inside a test iframe that carries the strict CSP (and
 * Trusted Types) of requirements SEC-1/SEC-3. Hands the iframe's own core and
 * chunk loader to the test, so everything runs in that document's realm.
 */
import { createConsentry } from './core/init.js';
import { loadChunk } from './ui.harness.js';

declare global {
  interface Window {
    consentryCsp?: { createConsentry: typeof createConsentry; loadChunk: typeof loadChunk };
  }
}

window.consentryCsp = { createConsentry, loadChunk };
