/** The extension's IndexedDB database (dataset, clippings, settings). Its own module: reading it needs no Dexie. */
export const DATABASE_NAME = 'ai-atlas';
