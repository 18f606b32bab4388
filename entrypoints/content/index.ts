import { startPageSession } from '@/components/page-session';
import datasetVersion from '@/generated/dataset-version.json';
// The marks' default style: the manifest lists it, so the browser adds it before the page is first styled.
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Same-origin (and other) frames get their own scan; only the top frame answers the popup.
  allFrames: true,
  // No window.postMessage announcing the script to the page: the page has no business knowing, and the call
  // cost 30–70 ms of main thread at start-up (measured in Chromium; WXT announces to itself by DOM event too).
  noScriptStartedPostMessage: true,
  main() {
    if (!document.body || !('highlights' in CSS)) return;
    void startPageSession(document, datasetVersion.version).catch((err: unknown) =>
      console.warn('[ai-atlas] could not start on this page', err),
    );
  },
});
