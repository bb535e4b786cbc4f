// The outline of a description: sections → subsections → fields, questions, groups and
// items, with their ranges. Neutral kinds; the LSP adapter maps them to SymbolKinds.
import type { HankeDocument, Range, SectionNode } from './model';
import { headingText } from './schema';
import { short } from './util/short';

export type OutlineKind = 'section' | 'field' | 'question' | 'group' | 'item' | 'partners' | 'text';

export interface OutlineNode {
  name: string;
  detail: string;
  kind: OutlineKind;
  range: Range;
  selectionRange: Range;
  children: OutlineNode[];
}

function sectionNode(s: SectionNode): OutlineNode {
  const children: OutlineNode[] = [];
  const kind = s.spec.body === 'questions' ? 'question' : 'field';
  for (const f of s.fields) {
    children.push({
      name: f.spec?.label ?? f.label,
      detail: short(f.value, 60),
      kind,
      range: f.justification.length ? { start: f.range.start, end: f.justification[f.justification.length - 1].range.end } : f.range,
      selectionRange: f.labelRange,
      children: [],
    });
  }
  if (s.partners) {
    const last = s.partners.entries[s.partners.entries.length - 1];
    children.push({
      name: s.partners.label.text,
      detail: `${s.partners.entries.length}`,
      kind: 'partners',
      range: { start: s.partners.label.range.start, end: (last?.range ?? s.partners.label.range).end },
      selectionRange: s.partners.label.range,
      children: s.partners.entries.map((e) => ({ name: e.name, detail: e.yTunnus, kind: 'field' as const, range: e.range, selectionRange: e.nameRange, children: [] })),
    });
  }
  if (s.spec.body === 'scores') {
    let group: OutlineNode | undefined;
    const groupsByLine = [...s.groups].sort((a, b) => a.line.line - b.line.line);
    const items = [...s.items].sort((a, b) => a.line - b.line);
    let gi = 0;
    for (const it of items) {
      while (gi < groupsByLine.length && groupsByLine[gi].line.line < it.line) {
        const g = groupsByLine[gi++];
        group = { name: g.spec.name, detail: '', kind: 'group', range: g.line.range, selectionRange: g.line.range, children: [] };
        children.push(group);
      }
      const end = it.justification.length ? it.justification[it.justification.length - 1].range.end : it.range.end;
      const node: OutlineNode = {
        name: it.spec.name,
        detail: it.scores.map((x) => x.raw).join(' / '),
        kind: 'item',
        range: { start: it.range.start, end },
        selectionRange: it.nameRange,
        children: [],
      };
      if (group) {
        group.children.push(node);
        group.range = { start: group.range.start, end };
      } else children.push(node);
    }
  }
  for (const c of s.children) children.push(sectionNode(c));
  const end = s.children.length ? s.children[s.children.length - 1].range.end : s.range.end;
  return {
    name: headingText(s.spec),
    detail: s.spec.body === 'text' ? short(s.texts[0]?.text ?? '', 40) : '',
    kind: 'section',
    range: { start: s.range.start, end: end.line >= s.range.end.line ? end : s.range.end },
    selectionRange: s.heading.range,
    children,
  };
}

export function outline(doc: HankeDocument): OutlineNode[] {
  return doc.tree.map(sectionNode);
}

/** Folding: every section from its heading to the end of its body (subsections inside). */
export function foldingRanges(doc: HankeDocument): { startLine: number; endLine: number }[] {
  const out: { startLine: number; endLine: number }[] = [];
  const visit = (n: OutlineNode) => {
    if (n.kind === 'section' || n.kind === 'group' || n.kind === 'partners' || n.range.end.line > n.range.start.line) {
      if (n.range.end.line > n.range.start.line) out.push({ startLine: n.range.start.line, endLine: n.range.end.line });
    }
    n.children.forEach(visit);
  };
  outline(doc).forEach(visit);
  return out;
}
