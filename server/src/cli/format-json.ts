// `--format json` (SPEC.md §3): one JSON array, one entry per file in the order given,
// written entry by entry. The bytes are those of JSON.stringify(array) plus a newline.
import type { FileResult } from './lint-files';
import type { Sink } from './output';

export class JsonFormatter {
  private first = true;

  constructor(private readonly out: Sink) {
    out.write('[');
  }

  file(r: FileResult): void {
    const packed = r.packed;
    if (packed && r.output === undefined) {
      // Serialised already (a worker thread or the cache): the same bytes as below.
      this.out.write(`${this.first ? '' : ','}{"file":${JSON.stringify(r.file)},"diagnostics":${packed.json}}`);
      this.first = false;
      return;
    }
    // Exactly these keys, in this order: other programs depend on the shape.
    const entry: { file: string; diagnostics: object[]; output?: string } = {
      file: r.file,
      diagnostics: r.diagnostics.map((d) => ({
        rule: d.rule,
        severity: d.severity,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        message: d.message,
      })),
    };
    // --fix-dry-run: the fixed text, on the files a fix changes (ESLint's `output`).
    if (r.output !== undefined) entry.output = r.output;
    this.out.write((this.first ? '' : ',') + JSON.stringify(entry));
    this.first = false;
  }

  end(): void {
    this.out.write(']\n');
  }
}
