// The model's nodes as the parser makes them. Each keeps its columns as numbers and makes
// a range when it is first asked for, then keeps it: most ranges are never read (a rule
// reads the ranges of the few values it reports, the outline those of the headings), and
// made eagerly they were about a third of what a parse allocates (66 KB per description
// with them, 45 KB without; heap sampling over 3 000 corpus descriptions).
//
// The columns and kept ranges are private fields, so JSON, Object.keys, a spread or a
// structured clone of a node see its data and not its ranges: a range leaves the model
// by being read (a finding's `range: field.valueRange` is a plain Range).
//
// Each class keeps its own columns, with no base class for the line's range: nodes that
// extended one (super() in every constructor) made parse + rules 1.28-1.34 times as slow,
// measured with passes alternating in one process.
import type { FieldNode, HeadingNode, LabelMatch, Range, ScoreGroupNode, ScoreItemNode, ScoreNode, SectionNode, TextLine } from './model';
import { range } from './model';
import type { FieldSpec, ScoreItemSpec, SectionSpec } from './schema';
import type { TypedValue } from './values';

/** A trimmed line of text, columns [from, to); also an item of a list value (values.ts splitList). */
export class TextLineNode implements TextLine {
  readonly #from: number;
  readonly #to: number;
  #range: Range | undefined = undefined;

  constructor(
    readonly line: number,
    readonly text: string,
    from: number,
    to: number,
  ) {
    this.#from = from;
    this.#to = to;
  }

  get range(): Range {
    return (this.#range ??= range(this.line, this.#from, this.#to));
  }
}

/** A heading: the number at [from, numberTo), the title at [titleFrom, to). */
export class HeadingLine implements HeadingNode {
  readonly #from: number;
  readonly #numberTo: number;
  readonly #titleFrom: number;
  readonly #to: number;
  #range: Range | undefined = undefined;
  #numberRange: Range | undefined = undefined;
  #titleRange: Range | undefined = undefined;

  constructor(
    readonly line: number,
    readonly number: string,
    readonly title: string,
    readonly titleExact: boolean,
    from: number,
    numberTo: number,
    titleFrom: number,
    to: number,
  ) {
    this.#from = from;
    this.#numberTo = numberTo;
    this.#titleFrom = titleFrom;
    this.#to = to;
  }

  get range(): Range {
    return (this.#range ??= range(this.line, this.#from, this.#to));
  }

  get numberRange(): Range {
    return (this.#numberRange ??= range(this.line, this.#from, this.#numberTo));
  }

  get titleRange(): Range {
    return (this.#titleRange ??= range(this.line, this.#titleFrom, this.#to));
  }
}

/** A `Label: value` line: the line at [from, to), the label at [labelFrom, labelTo), the value at [valueFrom, valueTo). */
export class FieldLine implements FieldNode {
  readonly justification: TextLine[] = [];
  readonly #from: number;
  readonly #labelFrom: number;
  readonly #labelTo: number;
  readonly #valueFrom: number;
  readonly #valueTo: number;
  readonly #to: number;
  #range: Range | undefined = undefined;
  #labelRange: Range | undefined = undefined;
  #valueRange: Range | undefined = undefined;

  constructor(
    readonly spec: FieldSpec | undefined,
    readonly labelMatch: LabelMatch,
    readonly line: number,
    readonly label: string,
    readonly value: string,
    readonly typed: TypedValue | undefined,
    from: number,
    labelFrom: number,
    labelTo: number,
    valueFrom: number,
    valueTo: number,
    to: number,
  ) {
    this.#from = from;
    this.#labelFrom = labelFrom;
    this.#labelTo = labelTo;
    this.#valueFrom = valueFrom;
    this.#valueTo = valueTo;
    this.#to = to;
  }

  get range(): Range {
    return (this.#range ??= range(this.line, this.#from, this.#to));
  }

  get labelRange(): Range {
    return (this.#labelRange ??= range(this.line, this.#labelFrom, this.#labelTo));
  }

  get valueRange(): Range {
    return (this.#valueRange ??= range(this.line, this.#valueFrom, this.#valueTo));
  }
}

/** An 8.2 score token at [from, to). */
export class ScoreToken implements ScoreNode {
  readonly #line: number;
  readonly #from: number;
  readonly #to: number;
  #range: Range | undefined = undefined;

  constructor(
    readonly raw: string,
    readonly value: number | undefined,
    line: number,
    from: number,
    to: number,
  ) {
    this.#line = line;
    this.#from = from;
    this.#to = to;
  }

  get range(): Range {
    return (this.#range ??= range(this.#line, this.#from, this.#to));
  }
}

/** An 8.2 item line at [from, to), its name at [nameFrom, nameTo). */
export class ScoreItemLine implements ScoreItemNode {
  readonly justification: TextLine[] = [];
  readonly #from: number;
  readonly #nameFrom: number;
  readonly #nameTo: number;
  readonly #to: number;
  #range: Range | undefined = undefined;
  #nameRange: Range | undefined = undefined;

  constructor(
    readonly spec: ScoreItemSpec,
    readonly line: number,
    readonly name: string,
    readonly nameExact: boolean,
    readonly scores: ScoreNode[],
    from: number,
    nameFrom: number,
    nameTo: number,
    to: number,
  ) {
    this.#from = from;
    this.#nameFrom = nameFrom;
    this.#nameTo = nameTo;
    this.#to = to;
  }

  get range(): Range {
    return (this.#range ??= range(this.line, this.#from, this.#to));
  }

  get nameRange(): Range {
    return (this.#nameRange ??= range(this.line, this.#nameFrom, this.#nameTo));
  }
}

/** A section from its heading to the end of its last body line (the heading's end while it has none). */
export class SectionBlock implements SectionNode {
  readonly fields: FieldNode[] = [];
  readonly texts: TextLine[] = [];
  partners?: SectionNode['partners'] = undefined;
  placeMarker?: TextLine = undefined;
  scoreHeader?: TextLine = undefined;
  readonly groups: ScoreGroupNode[] = [];
  readonly items: ScoreItemNode[] = [];
  readonly strays: TextLine[] = [];
  readonly children: SectionNode[] = [];
  #endLine = -1;
  #endCharacter = 0;
  #range: Range | undefined = undefined;

  constructor(
    readonly spec: SectionSpec,
    readonly heading: HeadingNode,
  ) {}

  /** The section's body ends at `character` of `line` (its last non-blank line). */
  endAt(line: number, character: number): void {
    this.#endLine = line;
    this.#endCharacter = character;
    this.#range = undefined;
  }

  get range(): Range {
    if (!this.#range) {
      const h = this.heading.range;
      this.#range = this.#endLine < 0 ? h : { start: h.start, end: { line: this.#endLine, character: this.#endCharacter } };
    }
    return this.#range;
  }
}
