/**
 * Give the page's own tasks a turn before going on: the content script's start-up is cut into tasks of its own this
 * way, so that none of them grows into a long task. scheduler.yield (Chrome 129+) resumes ahead of other queued
 * work; elsewhere a zero-delay timer does.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
