/** `base` (a description) with a Kunnat line of about 1.1 MB: 100 000 real kunta names, each with one letter changed. */
export function nearMissKunnat(base: string): string;
