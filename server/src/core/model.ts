// The parsed document: every heading, label, value, list item and score with its
// exact range. Positions are 0-based lines and UTF-16 code-unit columns, as in LSP.
// The parser's nodes (nodes.ts) make a range when it is first read and keep it: read a
// range where it is needed, and copy it into what leaves the core (a finding, a message);
// JSON or a structured clone of a node itself carries its data, not its ranges.
import type { FieldSpec, ScoreGroupSpec, ScoreItemSpec, SectionSpec } from './schema';
import type { TypedValue } from './values';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A non-blank line of text, trimmed, with its range. */
export interface TextLine {
  line: number;
  text: string;
  range: Range;
}

export interface HeadingNode {
  line: number;
  /** The whole heading, number and title. */
  range: Range;
  number: string;
  numberRange: Range;
  title: string;
  titleRange: Range;
  /** The title is exactly the official one. */
  titleExact: boolean;
}

/** How a written label was matched to the schema. */
export type LabelMatch = 'exact' | 'alias' | 'typo' | 'unknown';

export interface FieldNode {
  /** The field of the schema; for a `typo` match, the field the label most likely means. */
  spec?: FieldSpec;
  labelMatch: LabelMatch;
  line: number;
  /** The whole `Label: value` text. */
  range: Range;
  label: string;
  labelRange: Range;
  /** The value, trimmed; empty string when there is none. */
  value: string;
  /** The value's range; zero-width just after the colon when the value is empty. */
  valueRange: Range;
  /** The value read as its kind declares (dates, amounts, lists…); absent for unknown labels. */
  typed?: TypedValue;
  /** Text lines following an 8.1 answer. */
  justification: TextLine[];
}

export interface PartnerEntry {
  line: number;
  range: Range;
  name: string;
  nameRange: Range;
  /** The Y-tunnus after the last comma; empty when the line has no comma. */
  yTunnus: string;
  yTunnusRange: Range;
}

export interface PartnersBlock {
  label: TextLine;
  entries: PartnerEntry[];
}

export interface ScoreNode {
  raw: string;
  range: Range;
  /** The score read once (values.ts `readScore`): a whole number SCORE_MIN…SCORE_MAX, else undefined. Lint, hover, export and the report all read this. */
  value: number | undefined;
}

export interface ScoreGroupNode {
  spec: ScoreGroupSpec;
  line: TextLine;
  exact: boolean;
}

export interface ScoreItemNode {
  spec: ScoreItemSpec;
  line: number;
  range: Range;
  name: string;
  nameRange: Range;
  nameExact: boolean;
  /** The tokens written after the name (two are expected: direct, indirect). */
  scores: ScoreNode[];
  justification: TextLine[];
}

export interface SectionNode {
  spec: SectionSpec;
  heading: HeadingNode;
  /** From the heading to the end of the last non-blank line of the body. */
  range: Range;
  fields: FieldNode[];
  /** Free text (text sections), or text that a section of another kind does not expect. */
  texts: TextLine[];
  partners?: PartnersBlock;
  placeMarker?: TextLine;
  scoreHeader?: TextLine;
  groups: ScoreGroupNode[];
  items: ScoreItemNode[];
  /** Lines in a field section that are neither fields nor blocks the schema knows. */
  strays: TextLine[];
  /** Subsections (4.1 under 4 …), in document order. */
  children: SectionNode[];
}

export interface HankeDocument {
  /** Lines without their line endings. */
  lines: readonly string[];
  /** The document's line ending (the first one found; LF when there is none). */
  eol: '\n' | '\r\n' | '\r';
  preamble: {
    banner?: TextLine;
    title?: TextLine;
    /** Other lines before the first heading. */
    other: TextLine[];
  };
  /** Every heading's section, level 1 and 2, in document order (duplicates included). */
  sections: SectionNode[];
  /** Level-1 sections with their subsections as children (subsections without a parent at top level). */
  tree: SectionNode[];
}

export function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export function rangeContains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
