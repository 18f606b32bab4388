/** Wait this long on a name before opening its card: Page Previews' figure, long enough to ignore a passing pointer. */
export const HOVER_OPEN_DELAY_MS = 150;
/** Keep the card this long after the pointer leaves, so it can travel from the word into the card. */
export const HOVER_CLOSE_DELAY_MS = 300;

export interface HoverIntentCallbacks<T> {
  open(target: T): void;
  close(): void;
}

/**
 * Decides when a hovered target's card opens and closes. Fed with what is under the pointer; knows nothing of
 * the DOM, so it is tested with fake timers.
 */
export class HoverIntent<T> {
  private shown: T | undefined;
  private candidate: T | undefined;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private pinned = false;

  constructor(
    private readonly callbacks: HoverIntentCallbacks<T>,
    /** The reader can change it in the settings. */
    public openDelay = HOVER_OPEN_DELAY_MS,
    private readonly closeDelay = HOVER_CLOSE_DELAY_MS,
  ) {}

  get current(): T | undefined {
    return this.shown;
  }

  get isPinned(): boolean {
    return this.pinned;
  }

  /** Keep the card open (a click on the card or the name): only Esc or a click elsewhere closes it now. */
  pin(target?: T): void {
    this.cancelOpen();
    this.cancelClose();
    this.candidate = undefined;
    if (target !== undefined && target !== this.shown) {
      this.shown = target;
      this.callbacks.open(target);
    }
    this.pinned = this.shown !== undefined;
  }

  /** The pointer is over `target` (undefined: over nothing of ours); `inCard`: it is over the open card. */
  update(target: T | undefined, inCard = false): void {
    if (this.pinned) return;
    if (inCard || (target !== undefined && target === this.shown)) {
      this.cancelClose();
      this.cancelOpen();
      this.candidate = undefined;
      return;
    }
    if (target === undefined) {
      this.cancelOpen();
      this.candidate = undefined;
      if (this.shown !== undefined && !this.closeTimer) {
        this.closeTimer = setTimeout(() => this.closeNow(), this.closeDelay);
      }
      return;
    }
    if (target === this.candidate) return;
    this.candidate = target;
    this.cancelOpen();
    this.openTimer = setTimeout(() => {
      this.openTimer = undefined;
      this.cancelClose();
      this.shown = target;
      this.candidate = undefined;
      this.callbacks.open(target);
    }, this.openDelay);
  }

  closeNow(): void {
    this.pinned = false;
    this.cancelOpen();
    this.cancelClose();
    this.candidate = undefined;
    if (this.shown !== undefined) {
      this.shown = undefined;
      this.callbacks.close();
    }
  }

  private cancelOpen(): void {
    if (this.openTimer) clearTimeout(this.openTimer);
    this.openTimer = undefined;
  }

  private cancelClose(): void {
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }
}
