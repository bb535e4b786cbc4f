// The format of an ESR project description ("hankkeen kuvaus"), declared once.
//
// Everything that knows about sections, fields, questions or score items reads this
// file: the parser, every rule, the outline, hovers, completion, quick fixes, the
// new-description template and the generated docs. Nothing else lists them.

export interface Texts {
  fi: string;
  en: string;
}

/** How a field's value is read and checked. */
export type ValueKind =
  | 'text'
  | 'projectCode'
  | 'axis'
  | 'objective'
  | 'period'
  | 'status'
  | 'authority'
  | 'organisationType'
  | 'yTunnus'
  | 'postalCode'
  | 'phone'
  | 'email'
  | 'url'
  | 'applicantCount'
  | 'amount'
  | 'count'
  | 'regionList'
  | 'subregionList'
  | 'municipalityList'
  | 'yesNo';

export interface FieldSpec {
  /** Stable identifier, unique in the document (used by rules, exports and tests). */
  key: string;
  /** The label as published. */
  label: string;
  /** Other accepted spellings of the label (read as the same field, no finding). */
  aliases?: readonly string[];
  kind: ValueKind;
  /** The `Label:` line must be present (`missing-field`). */
  required: boolean;
  /** A present line must carry a value (`empty-field`). */
  valueRequired: boolean;
  /** A realised figure: may be empty while the project runs, expected once it has ended. */
  realised?: boolean;
  /** Fields after the place-of-implementation line of section 6. */
  group?: 'place';
  /** 8.1 questions: the answer is followed by justification text. */
  justified?: boolean;
  doc: Texts;
  /** A valid value, as an applicant would write it. */
  example: string;
}

export interface ScoreItemSpec {
  key: string;
  name: string;
  group: string;
}

export interface ScoreGroupSpec {
  name: string;
  items: readonly ScoreItemSpec[];
}

export type BodyKind = 'fields' | 'text' | 'parent' | 'questions' | 'scores';

export interface SectionSpec {
  number: string;
  title: string;
  /** 1 for sections, 2 for subsections. */
  level: 1 | 2;
  /** Number of the enclosing section for subsections. */
  parent?: string;
  body: BodyKind;
  fields?: readonly FieldSpec[];
  /** `empty-section` applies: the text may not be empty or only `-`. */
  textRequired?: boolean;
  /** A lone `-` is how the published form writes "nothing". */
  dashMeansEmpty?: boolean;
  /** Section 6: the line introducing the place-of-implementation fields. */
  placeMarker?: string;
  /** Section 2: the joint-project partner block, after the field with this key. */
  partners?: { label: string; afterField: string };
  /** Section 8.2: the column header line and the scored groups. */
  scoreHeader?: string;
  groups?: readonly ScoreGroupSpec[];
  doc: Texts;
}

export const PREAMBLE = {
  banner: 'Euroopan unioni Vipuvoimaa EU:lta',
  title: 'Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus',
  /** Any fund's title ends so (ESR: sosiaalirahaston, EAKR: aluekehitysrahaston). */
  titleSuffix: 'rahoittaman hankkeen kuvaus',
} as const;

/** Allowed answers of the 8.1 questions. */
export const YES_NO = ['Kyllä', 'Ei'] as const;

/** The `Toiminnan tila` value of a project that has ended. */
export const STATUS_ENDED = 'Toiminta päättynyt';

/** Lowest and highest 8.2 score. */
export const SCORE_MIN = 0;
export const SCORE_MAX = 10;

const t = (fi: string, en: string): Texts => ({ fi, en });

function field(
  key: string,
  label: string,
  kind: ValueKind,
  doc: Texts,
  example: string,
  opts: Partial<Pick<FieldSpec, 'aliases' | 'required' | 'valueRequired' | 'realised' | 'group' | 'justified'>> = {},
): FieldSpec {
  return { key, label, kind, doc, example, required: true, valueRequired: true, ...opts };
}

function scoreGroup(name: string, keys: readonly [string, string][]): ScoreGroupSpec {
  return { name, items: keys.map(([key, item]) => ({ key, name: item, group: name })) };
}

export const SECTIONS: readonly SectionSpec[] = [
  {
    number: '1',
    title: 'Hanke',
    level: 1,
    body: 'fields',
    doc: t(
      'Hankkeen tunnistetiedot: koodi, nimi, toimintalinja, erityistavoite, toteutusaika, tila ja vastuuviranomainen.',
      'The project: code, name, priority axis, specific objective, period, status and granting authority.',
    ),
    fields: [
      field(
        'projectCode',
        'Hankekoodi',
        'projectCode',
        t('EURA-hankekoodi: kirjain ja viisi numeroa; ESR-hankkeilla S.', 'The EURA project code: a letter and five digits; S for ESR projects.'),
        'S21368',
      ),
      field(
        'projectName',
        'Hankkeen nimi',
        'text',
        t('Hankkeen nimi sellaisena kuin se on rahoituspäätöksessä.', 'The project name as in the funding decision.'),
        'Marke - palvelumarkkinoiden kehittäminen',
      ),
      field(
        'axis',
        'Toimintalinja',
        'axis',
        t('Rakennerahasto-ohjelman toimintalinja: numero ja virallinen nimi.', 'The programme priority axis: number and official name.'),
        '5. Sosiaalinen osallisuus ja köyhyyden torjunta',
      ),
      field(
        'objective',
        'Erityistavoite',
        'objective',
        t('Toimintalinjaan kuuluva erityistavoite: koodi ja virallinen nimi.', 'The specific objective under the axis: code and official name.'),
        '10.1. Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen',
      ),
      field(
        'period',
        'Suunnitelman mukainen toteutusaika',
        'period',
        t('Toteutusaika muodossa "Alkaa P.K.VVVV ja päättyy P.K.VVVV".', 'The period as "Alkaa D.M.YYYY ja päättyy D.M.YYYY".'),
        'Alkaa 1.8.2018 ja päättyy 31.7.2021',
      ),
      field(
        'status',
        'Toiminnan tila',
        'status',
        t('Hankkeen tila: "Toiminnassa" tai "Toiminta päättynyt".', 'The project status: "Toiminnassa" (running) or "Toiminta päättynyt" (ended).'),
        'Toiminnassa',
      ),
      field(
        'authority',
        'Vastuuviranomainen',
        'authority',
        t('Rahoituksen myöntänyt viranomainen, yleensä ELY-keskus.', 'The granting authority, usually an ELY centre.'),
        'Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus',
      ),
    ],
  },
  {
    number: '2',
    title: 'Hakijan perustiedot',
    level: 1,
    body: 'fields',
    partners: { label: 'Osatoteuttajat', afterField: 'applicantCount' },
    doc: t('Hakijaorganisaatio ja hankkeen yhteyshenkilö.', 'The applicant organisation and the project contact person.'),
    fields: [
      field('applicantName', 'Hakijan virallinen nimi', 'text', t('Hakijaorganisaation virallinen nimi.', 'The official name of the applicant organisation.'), 'Laukaan kunta'),
      field(
        'organisationType',
        'Organisaatiotyyppi',
        'organisationType',
        t('Hakijan organisaatiotyyppi, esim. Kunta, Valtion viranomainen, Säätiö.', 'The type of organisation, e.g. Kunta, Valtion viranomainen, Säätiö.'),
        'Kunta',
      ),
      field('yTunnus', 'Y-tunnus', 'yTunnus', t('Hakijan Y-tunnus muodossa NNNNNNN-T, jossa T on tarkistusnumero.', 'The business ID as NNNNNNN-C, where C is the check digit.'), '0176478-2'),
      field('applicantAddress', 'Jakeluosoite', 'text', t('Hakijan postiosoite.', 'The postal address of the applicant.'), 'Laukaantie 14'),
      field('applicantPhone', 'Puhelinnumero', 'phone', t('Hakijan puhelinnumero.', "The applicant's telephone number."), '014 2675755'),
      field('applicantPostalCode', 'Postinumero', 'postalCode', t('Viisinumeroinen postinumero.', 'The five-digit postal code.'), '41310'),
      field('applicantPostOffice', 'Postitoimipaikka', 'text', t('Postitoimipaikka.', 'The post office (town).'), 'Laukaa'),
      field('website', 'WWW-osoite', 'url', t('Hakijan verkkosivut (valinnainen).', "The applicant's web site (optional)."), 'http://www.laukaa.fi', { valueRequired: false }),
      field('contactName', 'Hankkeen yhteyshenkilön nimi', 'text', t('Yhteyshenkilön nimi.', "The contact person's name."), 'Heli Mäki'),
      field('contactPosition', 'Yhteyshenkilön asema hakijaorganisaatiossa', 'text', t('Yhteyshenkilön tehtävä hakijaorganisaatiossa.', "The contact person's position."), 'Hankepäällikkö'),
      field(
        'contactEmail',
        'Yhteyshenkilön sähköpostisoite',
        'email',
        t('Yhteyshenkilön sähköpostiosoite; julkaistussa muodossa @ kirjoitetaan (at).', "The contact's e-mail address; the published form writes @ as (at)."),
        'heli.maki(at)laukaa.fi',
        { aliases: ['Yhteyshenkilön sähköpostiosoite'] },
      ),
      field('contactPhone', 'Yhteyshenkilön puhelinnumero', 'phone', t('Yhteyshenkilön puhelinnumero.', "The contact's telephone number."), '040-635 0138'),
      field(
        'applicantCount',
        'Hakijoiden lukumäärä tai tuen siirto -menettely',
        'applicantCount',
        t('Yksi hakija, yhteishanke tai tuen siirto.', 'A single applicant, a joint project, or transfer of support.'),
        'Vain yksi hakija',
      ),
    ],
  },
  {
    number: '3',
    title: 'Suunnitelman mukainen tiivistelmä toteutuksesta',
    level: 1,
    body: 'text',
    textRequired: true,
    dashMeansEmpty: true,
    doc: t('Tiivistelmä hankkeen tarpeesta, tavoitteista, toimenpiteistä ja tuloksista.', 'A summary of the need, aims, actions and results as planned.'),
  },
  {
    number: '4',
    title: 'Hankkeen kohderyhmät',
    level: 1,
    body: 'parent',
    doc: t('Hankkeen varsinaiset ja välilliset kohderyhmät.', "The project's direct and indirect target groups."),
  },
  {
    number: '4.1',
    title: 'Varsinaiset kohderyhmät',
    level: 2,
    parent: '4',
    body: 'text',
    textRequired: true,
    dashMeansEmpty: true,
    doc: t('Ketkä osallistuvat hankkeeseen ja hyötyvät siitä suoraan.', 'Who takes part in and benefits directly from the project.'),
  },
  {
    number: '4.2',
    title: 'Välilliset kohderyhmät',
    level: 2,
    parent: '4',
    body: 'text',
    textRequired: true,
    dashMeansEmpty: true,
    doc: t('Ketkä hyötyvät hankkeesta välillisesti.', 'Who benefits from the project indirectly.'),
  },
  {
    number: '5',
    title: 'Projektin julkinen rahoitus, euroa',
    level: 1,
    body: 'fields',
    doc: t(
      'Myönnetty ja toteutunut EU- ja valtion rahoitus sekä suunniteltu ja toteutunut julkinen rahoitus euroina.',
      'Granted and realised EU and state funding, planned and realised public funding, in euros.',
    ),
    fields: [
      field(
        'grantedEuState',
        'Myönnetty EU- ja valtion rahoitus',
        'amount',
        t('Rahoituspäätöksessä myönnetty EU- ja valtion rahoitus, euroa.', 'EU and state funding granted in the decision, in euros.'),
        '289 500',
      ),
      field(
        'realisedEuState',
        'Toteutunut EU- ja valtion rahoitus',
        'amount',
        t('Toteutunut EU- ja valtion rahoitus, euroa; voi olla tyhjä hankkeen ollessa käynnissä.', 'Realised EU and state funding, in euros; may be empty while the project runs.'),
        '278 300',
        { valueRequired: false, realised: true },
      ),
      field(
        'plannedPublic',
        'Suunniteltu julkinen rahoitus yhteensä',
        'amount',
        t('Suunniteltu julkinen rahoitus yhteensä (EU, valtio ja muu julkinen), euroa.', 'Planned public funding in total (EU, state and other public), in euros.'),
        '335 500',
      ),
      field(
        'realisedPublic',
        'Toteutunut julkinen rahoitus yhteensä',
        'amount',
        t('Toteutunut julkinen rahoitus yhteensä, euroa; voi olla tyhjä hankkeen ollessa käynnissä.', 'Realised public funding in total, in euros; may be empty while the project runs.'),
        '278 300',
        { valueRequired: false, realised: true },
      ),
    ],
  },
  {
    number: '6',
    title: 'Maantieteellinen kohdealue',
    level: 1,
    body: 'fields',
    placeMarker: 'Toteutuspaikan osoite, jos hanke toteutetaan yhdessä paikassa',
    doc: t('Maakunnat, seutukunnat ja kunnat, joissa hanke toimii, ja toteutuspaikan osoite.', 'The regions, sub-regions and municipalities covered, and the place of implementation.'),
    fields: [
      field('regions', 'Maakunnat', 'regionList', t('Maakunnat pilkuin erotettuina.', 'Regions (maakunnat), comma-separated.'), 'Keski-Suomi'),
      field(
        'subregions',
        'Seutukunnat',
        'subregionList',
        t('Seutukunnat genetiivissä pilkuin erotettuina, esim. "Jyväskylän, Äänekosken".', 'Sub-regions in the genitive, comma-separated, e.g. "Jyväskylän, Äänekosken".'),
        'Jyväskylän, Äänekosken',
      ),
      field(
        'municipalities',
        'Kunnat',
        'municipalityList',
        t('Kunnat pilkuin erotettuina; kuntien on oltava olemassa hankkeen alkaessa.', 'Municipalities, comma-separated; they must exist on the start date.'),
        'Äänekoski, Laukaa, Konnevesi',
      ),
      field(
        'placeAddress',
        'Jakeluosoite',
        'text',
        t('Toteutuspaikan osoite, jos hanke toteutetaan yhdessä paikassa (valinnainen).', 'Address of the place of implementation, if there is one (optional).'),
        'Cygnaeuksenkatu 1',
        { group: 'place', required: false, valueRequired: false },
      ),
      field('placePostalCode', 'Postinumero', 'postalCode', t('Toteutuspaikan postinumero (valinnainen).', 'Postal code of the place of implementation (optional).'), '40101', {
        group: 'place',
        required: false,
        valueRequired: false,
      }),
      field('placePostOffice', 'Postitoimipaikka', 'text', t('Toteutuspaikan postitoimipaikka (valinnainen).', 'Post office of the place of implementation (optional).'), 'Jyväskylä', {
        group: 'place',
        required: false,
        valueRequired: false,
      }),
    ],
  },
  {
    number: '7',
    title: 'Hakemusvaiheessa ilmoitettavat arviot hankekohtaisista seurantiedoista',
    level: 1,
    body: 'parent',
    doc: t('Hakemusvaiheen arviot osallistuvien yritysten ja henkilöiden määristä.', 'Estimates of participating companies and persons given in the application.'),
  },
  {
    number: '7.1',
    title: 'Osallistuvien yritysten lukumäärä',
    level: 2,
    parent: '7',
    body: 'fields',
    doc: t('Osallistuvien yritysten suunniteltu ja toteutunut määrä.', 'Planned and realised number of participating companies.'),
    fields: [
      field('companiesPlanned', 'Suunniteltu', 'count', t('Suunniteltu osallistuvien yritysten määrä.', 'Planned number of participating companies.'), '10'),
      field(
        'companiesRealised',
        'Toteutunut seurantatietojen mukaan',
        'count',
        t('Toteutunut määrä seurantatietojen mukaan; voi olla tyhjä hankkeen ollessa käynnissä.', 'Realised number according to monitoring data; may be empty while the project runs.'),
        '0',
        { valueRequired: false, realised: true },
      ),
    ],
  },
  {
    number: '7.2',
    title: 'Osallistuvien henkilöiden lukumäärä',
    level: 2,
    parent: '7',
    body: 'fields',
    doc: t('Osallistuvien henkilöiden suunniteltu määrä.', 'Planned number of participating persons.'),
    fields: [field('personsPlanned', 'Suunniteltu', 'count', t('Suunniteltu osallistuvien henkilöiden määrä.', 'Planned number of participating persons.'), '60')],
  },
  {
    number: '8',
    title: 'Horisontaaliset periaatteet',
    level: 1,
    body: 'parent',
    doc: t('Sukupuolten tasa-arvo ja kestävä kehitys.', 'Gender equality and sustainable development.'),
  },
  {
    number: '8.1',
    title: 'Sukupuolten tasa-arvo',
    level: 2,
    parent: '8',
    body: 'questions',
    doc: t('Kolme kyllä/ei-kysymystä, kukin perusteluineen.', 'Three yes/no questions, each with a justification.'),
    fields: [
      field(
        'genderAnalysis',
        'Hankkeessa on tehty toimintaympäristön analyysi sukupuolinäkökulmasta',
        'yesNo',
        t(
          'Onko toimintaympäristö analysoitu sukupuolinäkökulmasta? Vastaus Kyllä tai Ei ja perustelu seuraavalla rivillä.',
          'Has the operating environment been analysed from a gender perspective? Answer Kyllä or Ei, justification on the next line.',
        ),
        'Kyllä',
        { justified: true },
      ),
      field(
        'genderMainstreaming',
        'Sukupuolinäkökulma on huomioitu hankkeen toiminnassa (valtavirtaistaminen)',
        'yesNo',
        t(
          'Onko sukupuolinäkökulma huomioitu toiminnassa (valtavirtaistaminen)? Kyllä tai Ei ja perustelu.',
          'Is the gender perspective mainstreamed in the activities? Kyllä or Ei, with a justification.',
        ),
        'Kyllä',
        { justified: true },
      ),
      field(
        'genderMainGoal',
        'Hankkeen päätavoite on sukupuolten tasa-arvon edistäminen',
        'yesNo',
        t('Onko sukupuolten tasa-arvon edistäminen hankkeen päätavoite? Kyllä tai Ei ja perustelu.', 'Is promoting gender equality the main aim of the project? Kyllä or Ei, with a justification.'),
        'Ei',
        { justified: true },
      ),
    ],
  },
  {
    number: '8.2',
    title: 'Kestävä kehitys',
    level: 2,
    parent: '8',
    body: 'scores',
    scoreHeader: 'VälitönVälillinen',
    doc: t(
      'Vaikutukset kestävään kehitykseen: välitön ja välillinen pistemäärä 0–10 kullekin kohdalle ja perustelu.',
      'Effects on sustainable development: a direct and an indirect score 0–10 for each item, with a justification.',
    ),
    groups: [
      scoreGroup('Ekologinen kestävyys', [
        ['naturalResources', 'Luonnonvarojen käytön kestävyys'],
        ['climateRisks', 'Ilmastonmuutoksen aiheuttamien riskien vähentäminen'],
        ['biodiversity', 'Kasvillisuus, eliöt ja luonnon monimuotoisuus'],
        ['waterSoilAir', 'Pinta- ja pohjavedet, maaperä sekä ilma (ja kasvihuonekaasujen väheneminen)'],
        ['natura2000', 'Natura 2000 -ohjelman kohteet'],
      ]),
      scoreGroup('Taloudellinen kestävyys', [
        ['materialsWaste', 'Materiaalit ja jätteet'],
        ['renewableEnergy', 'Uusiutuvien energialähteiden käyttö'],
        ['localEconomy', 'Paikallisen elinkeinorakenteen kestävä kehittäminen'],
        ['intangibles', 'Aineettomien tuotteiden ja palvelujen kehittäminen'],
        ['mobility', 'Liikkuminen ja logistiikka'],
      ]),
      scoreGroup('Sosiaalinen ja kulttuurinen kestävyys sekä yhdenvertaisuus', [
        ['wellbeing', 'Hyvinvoinnin edistäminen'],
        ['equality', 'Tasa-arvon edistäminen'],
        ['socialEquity', 'Yhteiskunnallinen ja kulttuurinen yhdenvertaisuus'],
        ['culturalEnvironment', 'Kulttuuriympäristö'],
        ['environmentalSkills', 'Ympäristöosaaminen'],
      ]),
    ],
  },
  {
    number: '9',
    title: 'Loppuraportin tiivistelmä',
    level: 1,
    body: 'text',
    dashMeansEmpty: true,
    doc: t('Loppuraportin tiivistelmä; "-" kun raporttia ei vielä ole.', 'Summary of the final report; "-" while there is none yet.'),
  },
];

// ---- Indexes derived from the declaration (never restate the lists above) ----

const byNumber = new Map(SECTIONS.map((s) => [s.number, s]));
const indexByNumber = new Map(SECTIONS.map((s, i) => [s.number, i]));
const ALL_FIELDS: readonly { section: SectionSpec; field: FieldSpec }[] = SECTIONS.flatMap((section) => (section.fields ?? []).map((field) => ({ section, field })));
const fieldsByKey = new Map(ALL_FIELDS.map((f) => [f.field.key, f]));
const ALL_SCORE_ITEMS: readonly ScoreItemSpec[] = SECTIONS.flatMap((s) => (s.groups ?? []).flatMap((g) => g.items));

export function sectionSpec(number: string): SectionSpec | undefined {
  return byNumber.get(number);
}

/** Position of a section in the official order (-1 for an unknown number). */
export function sectionIndex(number: string): number {
  return indexByNumber.get(number) ?? -1;
}

export function childSections(number: string): readonly SectionSpec[] {
  return SECTIONS.filter((s) => s.parent === number);
}

export function allFields(): readonly { section: SectionSpec; field: FieldSpec }[] {
  return ALL_FIELDS;
}

export function fieldByKey(key: string): { section: SectionSpec; field: FieldSpec } | undefined {
  return fieldsByKey.get(key);
}

export function allScoreItems(): readonly ScoreItemSpec[] {
  return ALL_SCORE_ITEMS;
}

/** The official heading line of a section, e.g. `5 Projektin julkinen rahoitus, euroa`. */
export function headingText(spec: SectionSpec): string {
  return `${spec.number} ${spec.title}`;
}
