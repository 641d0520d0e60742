/**
 * A value React reads with useSyncExternalStore, set from effects that own a resource (a socket,
 * a runtime): the effect creates and disposes it, the slot tells React what is current.
 */
export class Slot<T> {
  private value: T | null = null;
  private readonly listeners = new Set<() => void>();

  readonly get = (): T | null => this.value;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(value: T | null): void {
    this.value = value;
    for (const listener of this.listeners) listener();
  }
}
