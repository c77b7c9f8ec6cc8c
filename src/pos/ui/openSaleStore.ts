// Whether a sale is in progress, readable outside React's tree (the update prompt must not
// reload the page in the middle of one).
type Listener = () => void;
let open = false;
const listeners = new Set<Listener>();

export const openSaleStore = {
  get: (): boolean => open,
  set(value: boolean): void {
    if (value === open) return;
    open = value;
    listeners.forEach((l) => l());
  },
  subscribe(l: Listener): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};
