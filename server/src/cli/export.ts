// `hanke export`: one row (CSV) or object (JSON) per description, from the typed
// summary of the core (core/summary.ts). Only the writing lives here.
import { allScoreItems } from '../core/schema';
import type { ProjectSummary } from '../core/summary';
import type { Sink } from './output';

export interface ExportRecord {
  file: string;
  summary: ProjectSummary;
}

// ---- JSON ----

/** The JSON object of one description: the file, then the summary as the core builds it. */
export function exportObject(r: ExportRecord): object {
  return { file: r.file, ...r.summary };
}

/** A JSON array, one object per description, written as descriptions complete. */
export class JsonExportWriter {
  private first = true;

  constructor(private readonly out: Sink) {
    out.write('[');
  }

  add(r: ExportRecord): void {
    const body = JSON.stringify(exportObject(r), null, 2)
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n');
    this.out.write((this.first ? '\n' : ',\n') + body);
    this.first = false;
  }

  end(): void {
    this.out.write(this.first ? ']\n' : '\n]\n');
  }
}

// ---- CSV ----

export interface CsvOptions {
  /** Field separator: `,` (default) or `;` (Finnish Excel), or a tab. */
  delimiter: string;
  /** Decimal separator of fractional numbers: `.` or `,`. */
  decimal: '.' | ',';
  /** Start with a UTF-8 byte order mark so that Excel reads the file as UTF-8. */
  bom: boolean;
  /** `--locale fi`: Finnish column headers and Kyllä/Ei for booleans (for people, not programs). */
  finnish?: boolean;
}

/** Finnish headers of the fixed columns (the score columns are named after their items). */
const FINNISH_HEADERS: Record<string, string> = {
  file: 'Tiedosto',
  code: 'Hankekoodi',
  name: 'Hankkeen nimi',
  fund: 'Rahasto',
  axis: 'Toimintalinja',
  axisName: 'Toimintalinjan nimi',
  objective: 'Erityistavoite',
  objectiveName: 'Erityistavoitteen nimi',
  start: 'Alkaa',
  end: 'Päättyy',
  status: 'Toiminnan tila',
  authority: 'Vastuuviranomainen',
  applicant: 'Hakija',
  yTunnus: 'Y-tunnus',
  yTunnusValid: 'Y-tunnus kelvollinen',
  organisationType: 'Organisaatiotyyppi',
  partners: 'Osatoteuttajat',
  grantedEuState: 'Myönnetty EU- ja valtion rahoitus',
  realisedEuState: 'Toteutunut EU- ja valtion rahoitus',
  plannedPublic: 'Suunniteltu julkinen rahoitus yhteensä',
  realisedPublic: 'Toteutunut julkinen rahoitus yhteensä',
  euStateShare: 'EU- ja valtion rahoituksen osuus',
  realisationEuState: 'EU- ja valtion rahoituksen toteutumisaste',
  realisationPublic: 'Julkisen rahoituksen toteutumisaste',
  regions: 'Maakunnat',
  subregions: 'Seutukunnat',
  municipalities: 'Kunnat',
  companiesPlanned: 'Yrityksiä suunniteltu',
  companiesRealised: 'Yrityksiä toteutunut',
  personsPlanned: 'Henkilöitä suunniteltu',
  genderAnalysis: 'Toimintaympäristön analyysi sukupuolinäkökulmasta',
  genderMainstreaming: 'Sukupuolinäkökulma huomioitu (valtavirtaistaminen)',
  genderMainGoal: 'Päätavoite sukupuolten tasa-arvo',
  errors: 'Virheitä',
  warnings: 'Varoituksia',
};

/** A column's header as printed: its key, or with `finnish` a Finnish name. */
export function columnHeader(key: string, finnish: boolean): string {
  if (!finnish) return key;
  const fixed = FINNISH_HEADERS[key];
  if (fixed) return fixed;
  const m = /^(.*)(Direct|Indirect)$/.exec(key);
  const item = m && allScoreItems().find((i) => i.key === m[1]);
  if (item) return `${item.name}, ${m[2] === 'Direct' ? 'välitön' : 'välillinen'}`;
  return key;
}

type Cell = string | number | boolean | null;

interface Column {
  header: string;
  value: (r: ExportRecord) => Cell;
  /** A text cell taken from the description (guarded against spreadsheet formulas). */
  text?: boolean;
}

const t = (header: string, value: (r: ExportRecord) => string | null): Column => ({ header, value, text: true });
const n = (header: string, value: (r: ExportRecord) => number | boolean | null): Column => ({ header, value });

/** The columns, in order. Score columns follow the summary's items (the schema's order). */
export function csvColumns(scoreKeys: readonly string[] = allScoreItems().map((i) => i.key)): Column[] {
  const list = (xs: string[]) => (xs.length ? xs.join(', ') : null);
  const cols: Column[] = [
    t('file', (r) => r.file),
    t('code', (r) => r.summary.code),
    t('name', (r) => r.summary.name),
    t('fund', (r) => r.summary.fund),
    t('axis', (r) => r.summary.axis?.code ?? null),
    t('axisName', (r) => r.summary.axis?.name ?? null),
    t('objective', (r) => r.summary.objective?.code ?? null),
    t('objectiveName', (r) => r.summary.objective?.name ?? null),
    t('start', (r) => r.summary.start),
    t('end', (r) => r.summary.end),
    t('status', (r) => r.summary.status),
    t('authority', (r) => r.summary.authority),
    t('applicant', (r) => r.summary.applicant),
    t('yTunnus', (r) => r.summary.yTunnus),
    n('yTunnusValid', (r) => r.summary.yTunnusValid),
    t('organisationType', (r) => r.summary.organisationType),
    t('partners', (r) => list(r.summary.partners.map((p) => `${p.name} (${p.yTunnus})`))),
    n('grantedEuState', (r) => r.summary.amounts.grantedEuState),
    n('realisedEuState', (r) => r.summary.amounts.realisedEuState),
    n('plannedPublic', (r) => r.summary.amounts.plannedPublic),
    n('realisedPublic', (r) => r.summary.amounts.realisedPublic),
    n('euStateShare', (r) => round(r.summary.euStateShare)),
    n('realisationEuState', (r) => round(r.summary.realisationEuState)),
    n('realisationPublic', (r) => round(r.summary.realisationPublic)),
    t('regions', (r) => list(r.summary.regions)),
    t('subregions', (r) => list(r.summary.subregions)),
    t('municipalities', (r) => list(r.summary.municipalities)),
    n('companiesPlanned', (r) => r.summary.companiesPlanned),
    n('companiesRealised', (r) => r.summary.companiesRealised),
    n('personsPlanned', (r) => r.summary.personsPlanned),
    n('genderAnalysis', (r) => r.summary.gender.analysis),
    n('genderMainstreaming', (r) => r.summary.gender.mainstreaming),
    n('genderMainGoal', (r) => r.summary.gender.mainGoal),
  ];
  for (const key of scoreKeys) {
    cols.push(n(`${key}Direct`, (r) => r.summary.scores.find((s) => s.key === key)?.direct ?? null));
    cols.push(n(`${key}Indirect`, (r) => r.summary.scores.find((s) => s.key === key)?.indirect ?? null));
  }
  cols.push(
    n('errors', (r) => r.summary.errors),
    n('warnings', (r) => r.summary.warnings),
  );
  return cols;
}

function round(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10_000) / 10_000;
}

/** Cells a spreadsheet would run as a formula get a leading apostrophe (OWASP "CSV injection"). */
function guardFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function csvCell(v: Cell, o: CsvOptions, text = false): string {
  let s: string;
  if (v === null) s = '';
  else if (typeof v === 'boolean') s = o.finnish ? (v ? 'Kyllä' : 'Ei') : v ? 'true' : 'false';
  else if (typeof v === 'number') s = o.decimal === ',' ? String(v).replace('.', ',') : String(v);
  else s = text ? guardFormula(v) : v;
  const needsQuotes = s.includes(o.delimiter) || /["\r\n]/.test(s) || /^\s|\s$/.test(s);
  return needsQuotes ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV: a header row, CRLF line ends, quotes doubled inside quoted cells. */
export class CsvWriter {
  private readonly cols: Column[];

  constructor(
    private readonly out: Sink,
    private readonly o: CsvOptions,
  ) {
    this.cols = csvColumns();
    out.write((o.bom ? '\uFEFF' : '') + this.cols.map((c) => csvCell(columnHeader(c.header, !!o.finnish), o)).join(o.delimiter) + '\r\n');
  }

  add(r: ExportRecord): void {
    this.out.write(this.cols.map((c) => csvCell(c.value(r), this.o, c.text)).join(this.o.delimiter) + '\r\n');
  }

  end(): void {}
}
