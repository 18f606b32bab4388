import { render } from 'preact';
import { ClippingsApp, readFirstScreen } from '@/components/ClippingsApp';
import type { AtlasDatabase } from '@/lib/db/database';
import { DATABASE_NAME } from '@/lib/db/name';
import '@/components/clippings.css';

// Timeline marks for npm run bench:ui (script evaluated → first query → first screen).
performance.mark('atlas:script');
let loading: Promise<AtlasDatabase> | undefined;
const database = () => (loading ??= import('@/lib/db/database').then(({ AtlasDatabase }) => new AtlasDatabase()));
// The first screen is read at once and needs no Dexie where the browser reads an index backwards in one request;
// Dexie (most of this page's code) loads after it, so the two do not compete for the main thread.
const firstScreen = readFirstScreen(database, DATABASE_NAME);
const db = firstScreen.then(database, database);
render(<ClippingsApp db={db} name={DATABASE_NAME} firstScreen={firstScreen} />, document.getElementById('app')!);
