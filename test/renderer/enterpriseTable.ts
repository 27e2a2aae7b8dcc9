/** The enterprise table under jsdom. */

/** jsdom lays nothing out: the table's scroll area gets a screen's height, so the virtualizer shows rows. */
export function giveTheTableAHeight(): () => void {
  const original = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!;
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: Element) {
      return this.classList.contains('ecw-etable-body') ? 600 : (original.get!.call(this) as number);
    },
  });
  return () => Object.defineProperty(Element.prototype, 'clientHeight', original);
}
