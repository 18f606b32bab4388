import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/PopupApp';
import '@/components/popup.css';

/** The tab the fact sheet is about: `?tabId=` when opened as a page (tests, "open in tab"), else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

render(<PopupApp tabId={targetTabId()} />, document.getElementById('app')!);
