import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  manifestVersion: 3,
  manifest: {
    name: 'AI Atlas',
    description:
      'Sourced facts about the cities, companies and policies of Chinese AI, on hover, on any news page. Runs entirely offline.',
    // No permissions: the content script's matches grant page access; IndexedDB needs none.
    permissions: [],
    action: { default_title: 'AI Atlas: what is on this page' },
    browser_specific_settings: {
      // The extension collects nothing: page text never leaves the browser.
      gecko: { id: 'ai-atlas@example.org', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
    },
  },
  vite: () => ({ plugins: [preact()] }),
});
