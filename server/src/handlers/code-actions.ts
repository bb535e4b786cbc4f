// Quick fixes from the findings' fixes, fix-all of the safe ones, and "show rule
// documentation" for every diagnostic.
import { type CodeAction, CodeActionKind, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { applicableFixes } from '../core/fixes';
import { Commands } from '../core/protocol';
import type { Feature, FeatureContext } from './register';
import { toTextEdit } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.hanke`;

export function registerCodeActions({ connection, documents, analysis }: FeatureContext): Feature {
  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { a, s } = await analysis(document);
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    const uri = document.uri;

    if (wants(CodeActionKind.QuickFix)) {
      for (const d of params.context.diagnostics) {
        if (d.source !== 'hanke') continue;
        const finding = a.findings.find((f) => f.rule === d.code && sameRange(f.range, d.range));
        for (const fix of finding?.fixes ?? []) {
          actions.push({
            title: fix.title[s.locale],
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            isPreferred: fix.safe && finding!.fixes.length === 1,
            edit: { changes: { [uri]: fix.edits.map(toTextEdit) } },
          });
        }
        actions.push(docsAction(d, s.locale));
      }
    }
    if (wants(FIX_ALL_KIND) && (only || a.findings.some((f) => f.fixes.some((x) => x.safe)))) {
      const edits: TextEdit[] = applicableFixes(a.findings).map(toTextEdit);
      if (edits.length) {
        actions.push({
          title: s.locale === 'fi' ? 'Korjaa kaikki varmat hanke-huomautukset' : 'Fix all safe hanke problems',
          kind: FIX_ALL_KIND,
          edit: { changes: { [uri]: edits } },
        });
      }
    }
    return actions;
  });
  return { capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } } };
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function docsAction(d: Diagnostic, locale: 'fi' | 'en'): CodeAction {
  const href = d.codeDescription?.href ?? '';
  return {
    title: locale === 'fi' ? `Näytä säännön ${String(d.code)} ohje` : `Show documentation for ${String(d.code)}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    command: { title: 'Show rule documentation', command: Commands.openRuleDocs, arguments: [href] },
  };
}
