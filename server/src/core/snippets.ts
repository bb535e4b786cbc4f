// The editor snippets for the blocks applicants retype (an Osatoteuttajat block, a
// complete 8.2 group, an 8.1 answer with its justification line), generated from the
// schema: snippets/hanke.code-snippets is this function's output (a snippets file has no
// localisation, so each description is in Finnish, then English), and a test keeps the
// two the same (HANKE_WRITE_SNIPPETS=1 npx vitest run test/unit/snippets.test.ts
// rewrites the file).
import { SCORE_MIN, SECTIONS } from './schema';

export interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

/** Text as a snippet literal (`$`, `}` and `\` escaped). */
export function snippetText(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

export function hankeSnippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const section of SECTIONS) {
    if (section.partners) {
      const label = section.partners.label;
      out[`${label} (${section.number})`] = {
        prefix: [label.toLowerCase(), 'partners'],
        body: [snippetText(label), '${1:Osatoteuttajan virallinen nimi}, ${2:1234567-1}', '$0'],
        description: `${label}: yhteishankkeen osatoteuttajat, rivi kullekin (nimi, Y-tunnus) · the partner block of a joint project, one "name, Y-tunnus" line per partner (section ${section.number}).`,
      };
      out[`${label}: one line (${section.number})`] = {
        prefix: ['osatoteuttaja', 'partner'],
        body: ['${1:Osatoteuttajan virallinen nimi}, ${2:1234567-1}', '$0'],
        description: `Osatoteuttajan rivi: virallinen nimi, pilkku ja Y-tunnus · one partner line under ${label}: the official name, a comma and the Y-tunnus.`,
      };
    }
    for (const f of section.body === 'questions' ? (section.fields ?? []) : []) {
      if (!f.justified) continue;
      out[`${section.number} ${f.label}`] = {
        prefix: [`${section.number} ${f.label.toLowerCase()}`, `${section.number} ${f.key}`],
        body: [`${snippetText(f.label)}: \${1|Kyllä,Ei|}`, '${2:Perustelu}', '$0'],
        description: `${section.number}: vastaus (Kyllä tai Ei) ja perustelurivi · the answer (Kyllä or Ei) and its justification line.`,
      };
    }
    for (const g of section.groups ?? []) {
      let n = 0;
      const body = [snippetText(g.name)];
      for (const item of g.items) {
        body.push(`${snippetText(item.name)} \${${++n}:${SCORE_MIN}} \${${++n}:${SCORE_MIN}}`);
        body.push(`\${${++n}:Perustelu}`);
      }
      body.push('$0');
      out[`${section.number} ${g.name}`] = {
        prefix: [`${section.number} ${g.name.toLowerCase()}`],
        body,
        description: `${section.number}: ryhmä "${g.name}" ja sen ${g.items.length} kohtaa (välitön ja välillinen pistemäärä, perustelu) · the group with its ${g.items.length} items (direct and indirect score, justification).`,
      };
    }
  }
  return out;
}
