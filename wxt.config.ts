import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  manifestVersion: 3,
  manifest: {
    name: 'AI Atlas',
    description:
      'Sourced facts about the cities, companies and policies of Chinese AI, on hover, on any news page. Runs entirely offline.',
    // storage: the reader's settings, shared by every tab and the popup. Nothing else.
    permissions: ['storage'],
    action: { default_title: 'AI Atlas: what is on this page' },
    // Declared as commands so readers can rebind them (chrome://extensions/shortcuts).
    commands: {
      'toggle-site': { suggested_key: { default: 'Alt+Shift+A' }, description: 'Turn AI Atlas on or off for this site' },
      'next-mention': { suggested_key: { default: 'Alt+Shift+N' }, description: 'Go to the next marked name' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+P' }, description: 'Go to the previous marked name' },
      'save-clipping': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Save the selected passage as a clipping' },
    },
    browser_specific_settings: {
      // The extension collects nothing: page text never leaves the browser.
      gecko: { id: 'ai-atlas@example.org', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
    },
  },
  vite: () => ({ plugins: [preact()] }),
});
