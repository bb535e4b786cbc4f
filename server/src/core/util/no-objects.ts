// An empty list that is an array of objects to V8.
//
// An array literal `[]` starts as an array of small integers, and an array of objects is
// another kind of array (another map): code the optimising compiler made for a loop that
// has only met lists of objects is thrown away the first time it meets a `[]`, and
// compiled again. A list that may be empty is given as this one instead.

/** An empty array of the kind that holds objects (read-only: never add to it). */
export function noObjects<T extends object>(): readonly T[] {
  return NO_OBJECTS as unknown as readonly T[];
}

const NO_OBJECTS: object[] = [];
// An element that is not a small integer makes it an array of objects; taking it out again
// keeps that kind.
NO_OBJECTS.push({});
NO_OBJECTS.pop();
// (Not frozen: a frozen array is yet another kind of array.)
