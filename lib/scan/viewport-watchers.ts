/**
 * Where the reader is, as the scanner needs it: which blocks are near the viewport (read them), and whether the
 * walk of a long page has got far ahead of the reader (pause it). IntersectionObservers, so nothing forces layout.
 */

/**
 * Tells the scanner when a block comes near the viewport. The page's own watcher is an IntersectionObserver;
 * tests drive one by hand.
 */
export interface NearWatcher {
  observe(element: Element): void;
  unobserve(element: Element): void;
  disconnect(): void;
}
export type NearWatcherFactory = (onNear: (elements: Element[]) => void) => NearWatcher;

/**
 * How far from the viewport text is read ahead of the reader: two screens above and below, beyond the one screen
 * within which marks are painted, so marks are ready before they scroll into view.
 */
export const SCAN_ROOT_MARGIN = '200% 0px';

export const intersectionWatcher: NearWatcherFactory | undefined =
  typeof IntersectionObserver === 'function'
    ? (onNear) =>
        new IntersectionObserver((entries) => onNear(entries.filter((e) => e.isIntersecting).map((e) => e.target)), {
          rootMargin: SCAN_ROOT_MARGIN,
        })
    : undefined;

/**
 * Tells the scanner when the place its walk has reached is no longer far below the reader: the walk of a long page
 * pauses there until the reader scrolls down to it (or past it) or the whole page is asked for.
 */
export interface AheadWatcher {
  /** Report (once) when `element` is not far below the viewport, or at once if it is not. */
  watch(element: Element): void;
  disconnect(): void;
}
export type AheadWatcherFactory = (onReached: () => void) => AheadWatcher;

/**
 * "Not far below": within two screens under the viewport (as SCAN_ROOT_MARGIN) or anywhere above it, so a reader who
 * jumps to the end of the page (which no threshold of a symmetric zone would report) lets the walk go on.
 */
export const AHEAD_ROOT_MARGIN = '100000% 0px 200% 0px';

export const intersectionAheadWatcher: AheadWatcherFactory | undefined =
  typeof IntersectionObserver === 'function'
    ? (onReached) => {
        let watching: Element | undefined;
        const observer = new IntersectionObserver(
          (entries) => {
            const entry = entries[entries.length - 1]!;
            const box = entry.boundingClientRect;
            // Not below the zone: in it, or above it. A block inside a scrolling container that the container
            // clips never intersects, so its box says where it is; a hidden one (no box) cannot tell, and the walk
            // goes on.
            const below = entry.rootBounds !== null && box.top > entry.rootBounds.bottom;
            if (entry.isIntersecting || !below || (box.width === 0 && box.height === 0)) {
              stop();
              onReached();
            }
          },
          { rootMargin: AHEAD_ROOT_MARGIN },
        );
        // A container scrolled straight past the block (a jump to its end) changes no intersection, so nothing
        // would be reported: look again (observing anew reports the block's current box).
        let looking = false;
        const onScroll = (event: Event) => {
          if (!watching || looking || !(event.target instanceof Element)) return;
          looking = true;
          requestAnimationFrame(() => {
            looking = false;
            if (!watching) return;
            observer.unobserve(watching);
            observer.observe(watching);
          });
        };
        const stop = () => {
          watching = undefined;
          observer.disconnect();
          document.removeEventListener('scroll', onScroll, true);
        };
        return {
          watch: (element) => {
            stop();
            watching = element;
            observer.observe(element);
            document.addEventListener('scroll', onScroll, { capture: true, passive: true });
          },
          disconnect: stop,
        };
      }
    : undefined;
