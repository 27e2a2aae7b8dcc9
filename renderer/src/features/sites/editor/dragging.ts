/** What is being dragged inside the editor (a column or an item), kept here because dragover cannot read the data. */
export type Dragged = { kind: 'column'; id: string } | { kind: 'item'; id: string; columnId: string } | null;

let current: Dragged = null;

export const startDrag = (dragged: Dragged) => (current = dragged);
export const dragged = () => current;
export const endDrag = () => (current = null);
