import { render } from 'preact';
import { ClippingsApp } from '@/components/ClippingsApp';
import { AtlasDatabase } from '@/lib/db/database';
import '@/components/clippings.css';

render(<ClippingsApp db={new AtlasDatabase()} />, document.getElementById('app')!);
