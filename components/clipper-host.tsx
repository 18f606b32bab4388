import { computePosition, flip, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import { OWN_UI_ATTRIBUTE } from '@/lib/dom/text-blocks';
import { Clipper, type ClipperProps } from './Clipper';
import cardCss from './entity-card.css?inline';

/** The clip button and editor's own shadow root (open, so tests can reach the stable hooks). */
export class ClipperHost {
  private host: HTMLElement | undefined;
  private mount: HTMLElement | undefined;

  constructor(private readonly doc: Document) {}

  contains(target: EventTarget | null): boolean {
    return !!this.host && target instanceof Node && this.host.contains(target);
  }

  get isOpen(): boolean {
    return !!this.host && !this.host.hidden;
  }

  async show(props: ClipperProps, anchor: { getBoundingClientRect(): DOMRect }): Promise<void> {
    if (!this.mount) {
      const host = this.doc.createElement('ai-atlas-clipper');
      host.setAttribute(OWN_UI_ATTRIBUTE, '');
      host.style.cssText = 'position:fixed!important;top:0!important;left:0!important;z-index:2147483647!important;';
      const shadow = host.attachShadow({ mode: 'open' });
      const style = this.doc.createElement('style');
      style.textContent = cardCss;
      const mount = this.doc.createElement('div');
      shadow.append(style, mount);
      this.doc.documentElement.append(host);
      this.host = host;
      this.mount = mount;
    }
    render(<Clipper key={props.mode} {...props} />, this.mount);
    this.host!.hidden = false;
    const { x, y } = await computePosition(anchor, this.host!, {
      strategy: 'fixed',
      placement: 'bottom-end',
      middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
    });
    this.host!.style.setProperty('transform', `translate(${Math.round(x)}px, ${Math.round(y)}px)`, 'important');
  }

  hide(): void {
    if (!this.host || !this.mount) return;
    this.host.hidden = true;
    render(null, this.mount);
  }
}
