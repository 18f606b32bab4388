/**
 * A value (a zod schema, or an object of them) built the first time anything touches it.
 *
 * The content script runs on every page, and building all of its zod schemas when it loads cost about 70 ms of
 * the page's main thread (measured in Chromium: the first schemas also set zod itself up); most pages never
 * validate a message. Wrapped, a schema costs nothing until it is used, and then behaves as the schema itself:
 * every property read, `instanceof` check and key listing goes to the real one.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let real: T | undefined;
  const get = (): T => (real ??= build());
  return new Proxy({} as T, {
    get: (_, key) => {
      const target = get();
      return Reflect.get(target, key, target);
    },
    set: (_, key, value) => Reflect.set(get(), key, value),
    has: (_, key) => Reflect.has(get(), key),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(get(), key);
      // The proxy's own target is an empty, extensible object: a property can only be reported as configurable.
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(get()),
  });
}
