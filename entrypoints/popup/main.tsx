import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/PopupApp';
import '@/components/popup.css';

/** The tab the fact sheet is about: `?tab=` when opened as a page (stable hook; tests, "open in tab"), else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const params = new URLSearchParams(location.search);
  const fromUrl = Number(params.get('tab') ?? params.get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const params = new URLSearchParams(location.search);
const compare = params.get('compare')?.split(',');
render(
  <PopupApp
    tabId={targetTabId()}
    initialEntity={params.get('entity') ?? undefined}
    initialCompare={compare?.length === 2 ? [compare[0]!, compare[1]!] : undefined}
  />,
  document.getElementById('app')!,
);
