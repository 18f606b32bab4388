/** Idle-time slices for the scanner's work: the page's own work comes first, and no slice grows long. */

/** Leave this much of an idle period unused so the page's own idle work still gets time. */
export const IDLE_SAFETY_MS = 2;
/** Never work longer than this in one slice, however long the idle period: a task stays far from 50 ms. */
export const MAX_SLICE_MS = 16;
/** If the page is never idle, scan anyway after this long: marks that never appear are worse than a short task. */
const IDLE_TIMEOUT_MS = 500;
/** Without requestIdleCallback, work in slices this long: well under the 50 ms long-task threshold. */
const FALLBACK_SLICE_MS = 8;

export interface IdleDeadlineLike {
  timeRemaining(): number;
  didTimeout: boolean;
}
export type IdleScheduler = (work: (deadline: IdleDeadlineLike) => void) => void;

export const defaultScheduler: IdleScheduler = (work) => {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS });
  } else {
    setTimeout(() => {
      const start = performance.now();
      work({ timeRemaining: () => Math.max(0, FALLBACK_SLICE_MS - (performance.now() - start)), didTimeout: true });
    }, 0);
  }
};
