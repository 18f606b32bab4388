import { render } from 'preact';
import { ClippingsApp, readFirstScreen } from '@/components/ClippingsApp';
import { AtlasDatabase } from '@/lib/db/database';
import '@/components/clippings.css';

// Timeline marks for npm run bench:ui (script evaluated → first query → first screen).
performance.mark('atlas:script');
const db = new AtlasDatabase();
// The first screen's query starts now, not after the first render's effects: it is most of the wait.
const firstScreen = readFirstScreen(db);
render(<ClippingsApp db={db} firstScreen={firstScreen} />, document.getElementById('app')!);
