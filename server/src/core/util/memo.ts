// Values derived once per object (a parsed document, its facts) and shared by the rules.
//
// Kept on the object itself rather than in a module-level WeakMap: V8 treats the keys of
// a WeakMap as live during young-generation collections, so a WeakMap keyed by every
// parsed document promoted each document to the old generation and left it there until
// a full collection. Measured on 10 000 descriptions (`hanke lint --jobs 1`): scavenges
// took 1.26 s in all (8–10 ms each, 14 full collections); with the memo on the object,
// 0.15 s (under 1 ms each, one full collection), and the whole run 20 % faster.

const MEMO = Symbol('hanke.memo');

interface Memoised {
  [MEMO]?: Map<unknown, unknown>;
}

/** `compute(owner)`, computed once per owner and key (undefined results included). */
export function memoOn<O extends object, T>(owner: O, key: unknown, compute: (owner: O) => T): T {
  // The common case, a value already there, in a few operations: the optimising compiler
  // copies this into every function that asks (the rest is memoFirst's, called out of line).
  const hit = (owner as Memoised)[MEMO]?.get(key);
  return hit !== undefined ? (hit as T) : memoFirst(owner, key, compute);
}

function memoFirst<O extends object, T>(owner: O, key: unknown, compute: (owner: O) => T): T {
  const o = owner as O & Memoised;
  let m = o[MEMO];
  // A plain store under a symbol (JSON, Object.keys and for-in do not see it); not
  // Object.defineProperty, which took a slow path costing several µs per document.
  if (!m) o[MEMO] = m = new Map();
  if (m.has(key)) return m.get(key) as T;
  // Called through a slot rather than directly: the optimising compiler does not then copy
  // each computation (run once per owner) into every function that asks for the value.
  slot[0] = compute as (owner: object) => unknown;
  const v = slot[0](owner) as T;
  slot[0] = undefined;
  m.set(key, v);
  return v;
}

const slot: (((owner: object) => unknown) | undefined)[] = [undefined];

/**
 * `compute` made to run once per key object, for keys that live as long as the program
 * (schema sections, reference lists, configurations): a WeakMap is right for those, as
 * they outlive every document. Not for per-document values: use memoOn.
 */
export function onceFor<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let v = cache.get(key);
    if (v !== undefined || cache.has(key)) return v as V;
    v = compute(key);
    cache.set(key, v);
    return v;
  };
}
