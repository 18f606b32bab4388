import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  manifestVersion: 3,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: the reader's settings, shared by every tab and the popup; contextMenus: "Save to AI Atlas" on a
    // selection. Nothing else: page access comes from the content script's matches.
    permissions: ['storage', 'contextMenus'],
    action: { default_title: '__MSG_actionTitle__' },
    // Declared as commands so readers can rebind them (chrome://extensions/shortcuts).
    commands: {
      'toggle-site': { suggested_key: { default: 'Alt+Shift+A' }, description: '__MSG_cmdToggleSite__' },
      'next-mention': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_cmdNextMention__' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_cmdPreviousMention__' },
      'save-clipping': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_cmdSaveClipping__' },
    },
    browser_specific_settings: {
      // The extension collects nothing: page text never leaves the browser.
      gecko: { id: 'ai-atlas@example.org', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
    },
  },
  vite: () => ({ plugins: [preact()], build: process.env.ATLAS_NO_MINIFY ? { minify: false } : {} }),
});
