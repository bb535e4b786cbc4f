// Pathological descriptions shared by the CLI and protocol tests (timed in bench/run.mjs).
import { example } from './examples';

/** Example 000 with a Kunnat line of about 1.1 MB: 100 000 real kunta names with one letter changed. */
export function nearMissKunnat(): string {
  const base = example('000').replace(/\r\n?/g, '\n');
  const names = ['Jyväskylä', 'Muurame', 'Laukaa', 'Äänekoski', 'Jämsä', 'Keuruu', 'Saarijärvi', 'Viitasaari', 'Kannonkoski', 'Karstula'];
  const items: string[] = [];
  for (let i = 0, len = 0; len < 1_100_000; i++) {
    const n = names[i % names.length];
    const k = (i * 7) % n.length;
    const item = `${n.slice(0, k)}${String.fromCharCode(97 + (i % 26))}${n.slice(k + 1)}`;
    items.push(item);
    len += item.length + 2;
  }
  return base.replace(/^(Kunnat: )[^\n]*/m, `$1${items.join(', ')}`);
}
