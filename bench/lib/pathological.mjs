// Pathological descriptions, shared by the bench (bench/run.mjs) and the tests
// (test/helpers/pathological.ts).

/** `base` (a description) with a Kunnat line of about 1.1 MB: 100 000 real kunta names, each with one letter changed. */
export function nearMissKunnat(base) {
  const text = base.replace(/\r\n?/g, '\n');
  const names = ['Jyväskylä', 'Muurame', 'Laukaa', 'Äänekoski', 'Jämsä', 'Keuruu', 'Saarijärvi', 'Viitasaari', 'Kannonkoski', 'Karstula'];
  const items = [];
  for (let i = 0, len = 0; len < 1_100_000; i++) {
    const n = names[i % names.length];
    const k = (i * 7) % n.length;
    const item = `${n.slice(0, k)}${String.fromCharCode(97 + (i % 26))}${n.slice(k + 1)}`;
    items.push(item);
    len += item.length + 2;
  }
  return text.replace(/^(Kunnat: )[^\n]*/m, `$1${items.join(', ')}`);
}
