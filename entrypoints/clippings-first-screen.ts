import { startFirstScreenRead } from '@/lib/db/first-screen';

/**
 * The clippings page's first script, a classic one in its <head>: it starts the first screen's read before the
 * page's modules load (see lib/db/first-screen.ts). Nothing else belongs here; every byte delays the page's parse.
 */
export default defineUnlistedScript(() => startFirstScreenRead());
