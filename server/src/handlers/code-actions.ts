// Quick fixes from the findings' fixes, fix-all of the safe ones, "show rule
// documentation" for every diagnostic, and the rewrites the core offers at the cursor
// (amount → Finnish thousands grouping).
import { type CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { Locale } from '../core/config';
import { ruleDocsUrl } from '../core/docs';
import { applicableFixes } from '../core/fixes';
import { Commands } from '../core/protocol';
import { refactorsAt } from '../core/refactors';
import type { Analysis } from '../state';
import { toTextEdit } from './convert';
import type { Feature, FeatureContext } from './register';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.hanke`;

/** The code actions for a request, from an analysis of the document's current version. */
export function codeActionsFor(a: Analysis, locale: Locale, uri: string, params: Pick<CodeActionParams, 'range' | 'context'>): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      if (d.source !== 'hanke') continue;
      const finding = a.findings.find((f) => f.rule === d.code && sameRange(f.range, d.range));
      const preferred = finding?.fixes.find((x) => x.safe);
      for (const fix of finding?.fixes ?? []) {
        actions.push({
          title: fix.title[locale],
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fix === preferred,
          edit: { changes: { [uri]: fix.edits.map(toTextEdit) } },
        });
      }
      actions.push(docsAction(d, locale));
    }
  }
  if (wants(CodeActionKind.RefactorRewrite)) {
    for (const r of refactorsAt(a.doc, params.range)) {
      actions.push({ title: r.title[locale], kind: CodeActionKind.RefactorRewrite, edit: { changes: { [uri]: r.edits.map(toTextEdit) } } });
    }
  }
  if (wants(FIX_ALL_KIND) && (only || a.findings.some((f) => f.fixes.some((x) => x.safe)))) {
    const edits: TextEdit[] = applicableFixes(a.findings).map(toTextEdit);
    if (edits.length) {
      actions.push({
        title: locale === 'fi' ? 'Korjaa kaikki varmat hanke-huomautukset' : 'Fix all safe hanke problems',
        kind: FIX_ALL_KIND,
        edit: { changes: { [uri]: edits } },
      });
    }
  }
  return actions;
}

export function registerCodeActions({ connection, documents, analysis }: FeatureContext): Feature {
  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { a, s } = await analysis(document);
    return codeActionsFor(a, s.locale, document.uri, params);
  });
  return {
    capabilities: {
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND] },
    },
  };
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function docsAction(d: Diagnostic, locale: Locale): CodeAction {
  const href = d.codeDescription?.href ?? (d.code !== undefined ? ruleDocsUrl(String(d.code)) : '');
  return {
    title: locale === 'fi' ? `Näytä säännön ${String(d.code)} ohje` : `Show documentation for ${String(d.code)}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    command: { title: locale === 'fi' ? 'Näytä säännön ohje' : 'Show rule documentation', command: Commands.openRuleDocs, arguments: [href] },
  };
}
