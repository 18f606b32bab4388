/** Whether any part of an element is inside the viewport (read-only layout query; call before writing styles). */
export function isInViewport(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  const view = element.ownerDocument.defaultView;
  const height = view?.innerHeight ?? 0;
  const width = view?.innerWidth ?? 0;
  return rect.bottom > 0 && rect.right > 0 && rect.top < height && rect.left < width && rect.height > 0;
}
