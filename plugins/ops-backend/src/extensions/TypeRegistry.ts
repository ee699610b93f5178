/**
 * The types of one kind (backup sources, action types, metric sources): the
 * core's own and those modules add through the extension points, each once.
 * Modules register before the plugin starts, so the plugin reads it complete.
 */
export class TypeRegistry<T> {
  private readonly items = new Map<string, T>();

  /** `what` names the kind in errors, e.g. `Backup source type`. */
  constructor(private readonly what: string) {}

  add(type: string, item: T): void {
    if (this.items.has(type)) {
      throw new Error(
        `${this.what} "${type}" is registered twice: install one module for it`,
      );
    }
    this.items.set(type, item);
  }

  get(type: string): T | undefined {
    return this.items.get(type);
  }

  types(): string[] {
    return [...this.items.keys()];
  }

  asMap(): ReadonlyMap<string, T> {
    return this.items;
  }
}
