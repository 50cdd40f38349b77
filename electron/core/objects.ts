/** JSON stores drop undefined anyway; dropping it before merging keeps change detection honest. */
export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
