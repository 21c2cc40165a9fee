/**
 * The first-frame guard, `dist/first-frame.js`: a tiny classic script for a
 * page with a banner `consentry banner` pre-rendered into it, when the page
 * has no head script (head.js does the same). First in <head>:
 *
 *   <script src="/consentry/first-frame.js"></script>
 *
 * Before <body> is parsed it hides the pre-rendered banner from a visitor
 * with a consent cookie (any: one that must be asked again gets the banner
 * from the core a moment later), so a returning visitor never sees it. A
 * renamed cookie goes in `data-cookie`.
 */
import { hidePrerenderedBanner } from './elements/consentry-banner/prerendered.js';

hidePrerenderedBanner((document.currentScript as HTMLScriptElement | null)?.dataset.cookie ?? 'consentry');
