// Hovers of the programme values of section 3: the priority axis, the specific
// objective and the authority, checked against the programme's reference data.
import { type Facts, titleFund } from '../facts';
import type { HankeDocument } from '../model';
import { type Authority, AUTHORITY_INFO, AXES, type Axis, findAuthority, findAxis, findRegion, fundIncludes, type Objective, PROGRAMME_NAME } from '../reference';
import { axisText, meantObjective, objectiveText, readAxis, readObjective, statedAxis } from '../programme-reading';
import { formatIsoDate } from '../values';
import { join, md, shown, type Tr } from './format';
import { listOf } from './geography';

function fundName(fund: string, tr: Tr): string {
  const one = (f: string) =>
    f === 'ESR' ? tr('ESR, Euroopan sosiaalirahasto', 'ESR, the European Social Fund') : f === 'EAKR' ? tr('EAKR, Euroopan aluekehitysrahasto', 'EAKR, the European Regional Development Fund') : f;
  return fund.split('/').map(one).join(tr(' ja ', ' and '));
}

/** ✓ / ✗ against the description's fund (nothing when the title names no fund checked). */
function fundCheck(fund: string, doc: HankeDocument, tr: Tr): string {
  const own = titleFund(doc);
  if (!own) return '';
  return fundIncludes(fund, own) ? ` ✓ ${tr(`kuvaus on ${own}-hankkeen`, `this is an ${own} description`)}` : ` ✗ ${tr(`kuvaus on ${own}-hankkeen`, `this is an ${own} description`)}`;
}

function monthText(ym: string): string {
  const [y, m] = ym.split('-').map(Number);
  return `${m}/${y}`;
}

/** The facts of an axis: fund, official name and other spellings, when it was open, its objectives. */
function axisFacts(axis: Axis, doc: HankeDocument, facts: Facts, tr: Tr, current?: Objective): string[] {
  const lines: string[] = [];
  lines.push(`**${tr('Rahasto', 'Fund')}:** ${fundName(axis.fund, tr)}${fundCheck(axis.fund, doc, tr)}`);
  lines.push(`**${tr('Virallinen nimi', 'Official name')}:** ${md(axis.name)}${axis.variants.length ? ` (${tr('myös', 'also')} ${axis.variants.map(md).join('; ')})` : ''}`);
  if (axis.eligibleFrom) {
    const added = axis.addedToProgramme ? tr(`lisätty ohjelmaan ${monthText(axis.addedToProgramme)}; `, `added to the programme in ${monthText(axis.addedToProgramme)}; `) : '';
    const start = facts.start?.iso;
    const check = start === undefined ? '' : start >= axis.eligibleFrom ? ' ✓' : ` ✗ ${tr(`hanke alkaa ${formatIsoDate(start)}`, `the project starts on ${formatIsoDate(start)}`)}`;
    lines.push(
      `**${tr('Käytettävissä', 'Available')}:** ${added}${tr(`kustannukset tukikelpoisia ${formatIsoDate(axis.eligibleFrom)} alkaen`, `costs eligible from ${formatIsoDate(axis.eligibleFrom)}`)}${check}`,
    );
  } else {
    lines.push(`**${tr('Käytettävissä', 'Available')}:** ${tr('koko ohjelmakauden', 'the whole programme period')}`);
  }
  if (axis.objectives.length) {
    lines.push(
      `**${tr('Erityistavoitteet', 'Specific objectives')}:**\n${axis.objectives.map((o) => `  - ${o === current ? '**' : ''}${md(o.code)}. ${md(o.name)}${o === current ? '**' : ''}`).join('\n')}`,
    );
  } else {
    lines.push(`**${tr('Erityistavoitteet', 'Specific objectives')}:** ${tr('ei koodeja viitetiedoissa', 'no codes in the reference data')}`);
  }
  return lines;
}

/** Hover on the Toimintalinja value: the stated axis explained, or the axes of the programme. */
export function axisHover(doc: HankeDocument, facts: Facts, tr: Tr): string {
  const a = readAxis(facts);
  const axis = statedAxis(a);
  if (!axis) {
    return join(
      `**${tr('Toimintalinja', 'Priority axis')}:** ${shown(a?.field)} ✗ ${tr('ei ohjelman toimintalinja', 'not an axis of the programme')}`,
      `${tr('Ohjelman', 'The axes of')} *${md(PROGRAMME_NAME)}*${tr(' toimintalinjat', '')}:\n\n${AXES.map((x) => `- ${md(axisText(x))} (${md(x.fund)})`).join('\n')}`,
    );
  }
  const o = readObjective(facts);
  const objective = o ? meantObjective(o) : undefined;
  return join(
    `**${tr('Toimintalinja', 'Priority axis')} ${md(axisText(axis))}**`,
    axisFacts(axis, doc, facts, tr, objective)
      .map((l) => `- ${l}`)
      .join('\n'),
  );
}

/** Hover on the Erityistavoite value: the objective, its axis and that axis' facts. */
export function objectiveHover(doc: HankeDocument, facts: Facts, tr: Tr): string {
  const o = readObjective(facts);
  const objective = o ? meantObjective(o) : undefined;
  if (!objective) {
    const axis = statedAxis(readAxis(facts));
    const list = axis?.objectives.length ? axis.objectives : AXES.flatMap((x) => x.objectives);
    return join(
      `**${tr('Erityistavoite', 'Specific objective')}:** ${shown(o?.field)} ✗ ${tr('ei ohjelman erityistavoite', 'not an objective of the programme')}`,
      `${axis?.objectives.length ? tr(`Toimintalinjan ${axis.number} erityistavoitteet`, `The objectives of axis ${axis.number}`) : tr('Ohjelman erityistavoitteet', 'The objectives of the programme')}:\n\n${list.map((x) => `- ${md(objectiveText(x))}`).join('\n')}`,
    );
  }
  const axis = findAxis(objective.axis)!;
  const stated = statedAxis(readAxis(facts));
  const other = stated && stated !== axis ? ` ✗ ${tr(`Toimintalinja-kentässä on ${stated.number}`, `the Toimintalinja field says ${stated.number}`)}` : '';
  const name = `${tr('Virallinen nimi', 'Official name')}: ${md(objective.name)}${objective.variants.length ? ` (${tr('myös', 'also')} ${objective.variants.map(md).join('; ')})` : ''}`;
  return join(
    `**${tr('Erityistavoite', 'Specific objective')} ${md(objectiveText(objective))}**`,
    name,
    `**${tr('Toimintalinja', 'Priority axis')} ${md(axisText(axis))}**${other}`,
    axisFacts(axis, doc, facts, tr, objective)
      .map((l) => `- ${l}`)
      .join('\n'),
  );
}

const ESR_DECISION_ELYS = (): string =>
  AUTHORITY_INFO.filter((a) => a.esrRegional)
    .map((a) => a.short ?? a.name)
    .join(', ');

/** Hover on the Vastuuviranomainen value: which funds and regions the authority decided on. */
export function authorityHover(doc: HankeDocument, facts: Facts, tr: Tr): string {
  const f = facts.field('authority');
  const a: Authority | undefined = f && f.value !== '' ? findAuthority(f.value) : undefined;
  if (!a) {
    return join(
      `**${tr('Vastuuviranomainen', 'Granting authority')}:** ${shown(f)}`,
      tr(
        'Ei tunnettu vastuuviranomainen. ESR-hankkeissa vastuuviranomainen on ELY-keskus (täysi nimi, esim. "Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus") tai sosiaali- ja terveysministeriö; EAKR-hankkeissa maakunnan liitto tai ELY-keskus.',
        'Not a known granting authority. ESR projects were granted by an ELY-keskus (full name, e.g. "Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus") or the social-affairs ministry; EAKR projects by a regional council (maakunnan liitto) or an ELY-keskus.',
      ),
    );
  }
  const kind = a.kind === 'ely' ? tr('ELY-keskus', 'ELY centre') : a.kind === 'ministry' ? tr('ministeriö', 'ministry') : tr('maakunnan liitto', 'regional council');
  const lines: string[] = [];
  lines.push(`**${tr('Rahastot', 'Funds')}:** ${fundName(a.fund, tr)}${fundCheck(a.fund, doc, tr)}`);
  if (a.kind === 'ely') {
    if (a.regions.length) {
      lines.push(`**${tr('Alueelliset ESR-päätökset 2014–2020', 'Regional ESR decisions 2014–2020')}:** ${a.regions.map(md).join(', ')}`);
      const listed = listOf(facts, 'regions')
        .map((i) => findRegion(i.text)?.name)
        .filter((n): n is string => n !== undefined);
      const others = titleFund(doc) === 'ESR' ? listed.filter((n) => !a.regions.includes(n)) : [];
      if (others.length)
        lines.push(
          `ℹ️ ${tr(`Kohdealueen maakuntien ${others.join(', ')} alueelliset ESR-päätökset teki toinen ELY-keskus.`, `The regional ESR decisions for ${others.join(', ')} were made by another ELY centre.`)}`,
        );
    } else {
      lines.push(
        `**${tr('Alueelliset ESR-päätökset 2014–2020', 'Regional ESR decisions 2014–2020')}:** ${tr(`ei (ne tekivät ${ESR_DECISION_ELYS()})`, `none (they were made by ${ESR_DECISION_ELYS()})`)}`,
      );
    }
    if (a.national) lines.push(tr('Myönsi myös valtakunnallisia ESR-toimia.', 'Also granted national ESR actions.'));
  } else if (a.kind === 'regional-council') {
    lines.push(`**${tr('Maakunta', 'Region')}:** ${md(a.region ?? '')} (${tr('EAKR-päätökset', 'EAKR decisions')})`);
  } else {
    lines.push(tr('Valtakunnalliset toimet.', 'National actions.'));
  }
  if (a.uncertain) lines.push(tr('Virallista kirjoitusasua ei ole varmistettu.', 'The exact official spelling is not verified.'));
  return join(`**${md(a.name)}** (${a.short ? `${md(a.short)}, ` : ''}${kind})`, lines.map((l) => `- ${l}`).join('\n'));
}
