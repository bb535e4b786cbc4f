// Quick fixes from the findings' fixes, fix-all of the safe ones, "show rule
// documentation" for every diagnostic, and the rewrites the core offers at the cursor
// (amount → Finnish thousands grouping).
//
// Shaped by what the client can do: CodeAction literals, or plain Commands the server
// carries out itself (workspace/applyEdit) for a client without codeActionLiteralSupport;
// the documentation link as the extension's own command when the client says it has it,
// as a server command that asks the client to open the page (window/showDocument) when
// it supports that, and not at all otherwise.
import { type CodeAction, CodeActionKind, type CodeActionParams, type Command, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Locale } from '../../core/config';
import { ruleDocsUrl } from '../../core/docs';
import { applicableFixes } from '../../core/fixes';
import type { Finding } from '../../core/lint';
import { CodeActionKinds, Commands, DIAGNOSTIC_SOURCE, ServerCommands } from '../../core/protocol';
import { refactorsAt } from '../../core/refactors';
import type { Analysis } from '../state';
import { type ClientCaps, type LineSource, linesOf, Positions } from './client';
import { type DiagnosticData, findingKey, toTextEdit } from './convert';
import type { Feature, FeatureContext } from './register';

export const FIX_ALL_KIND = CodeActionKinds.fixAll;

/** How to shape the actions for a client. */
export interface ActionOptions {
  literals: boolean;
  /** Which command opens a rule's documentation, if any can. */
  docsCommand?: string;
  /** The server can have edits applied (only needed without literals). */
  applyEdit: boolean;
  positions: Positions;
  lines?: LineSource;
}

/** What VS Code's client can do: literals, and the extension's own documentation command. */
export const FULL_CLIENT: ActionOptions = { literals: true, docsCommand: Commands.openRuleDocs, applyEdit: true, positions: new Positions('utf-16') };

export function actionOptions(caps: ClientCaps, positions: Positions, lines?: LineSource): ActionOptions {
  return { literals: caps.codeActionLiterals, docsCommand: docsCommandFor(caps), applyEdit: caps.applyEdit, positions, lines };
}

function docsCommandFor(caps: ClientCaps): string | undefined {
  if (caps.runsDocsCommand) return Commands.openRuleDocs;
  if (caps.showDocument) return ServerCommands.showDocumentation;
  return undefined;
}

/**
 * The finding a diagnostic sent back by the client stands for: by the key in its `data`,
 * else the same rule on the same line (its columns may be counted differently), the
 * exact range preferred.
 */
export function findingFor(findings: readonly Finding[], d: Diagnostic, range = d.range): Finding | undefined {
  const key = (d.data as Partial<DiagnosticData> | undefined)?.key;
  if (typeof key === 'string') {
    const f = findings.find((x) => findingKey(x) === key);
    if (f) return f;
  }
  const sameLine = findings.filter((f) => f.rule === d.code && f.range.start.line === range.start.line);
  return sameLine.find((f) => sameRange(f.range, range)) ?? sameLine[0];
}

/** The code actions for a request, from an analysis of the document's current version. */
export function codeActionsFor(a: Analysis, locale: Locale, uri: string, params: Pick<CodeActionParams, 'range' | 'context'>, options: ActionOptions = FULL_CLIENT): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const { positions } = options;
  const lines = options.lines ?? linesOf('');
  const edit = (edits: TextEdit[]): WorkspaceEdit => ({ changes: { [uri]: edits.map((e) => ({ ...e, range: positions.rangeToClient(lines, e.range) })) } });
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = findingFor(a.findings, d, positions.rangeFromClient(lines, d.range));
      const preferred = finding?.fixes.find((x) => x.safe);
      for (const fix of finding?.fixes ?? []) {
        actions.push({
          title: fix.title[locale],
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fix === preferred,
          edit: edit(fix.edits.map(toTextEdit)),
        });
      }
      if (options.docsCommand) actions.push(docsAction(d, locale, options.docsCommand));
    }
  }
  if (wants(CodeActionKind.RefactorRewrite)) {
    for (const r of refactorsAt(a.doc, positions.rangeFromClient(lines, params.range))) {
      actions.push({ title: r.title[locale], kind: CodeActionKind.RefactorRewrite, edit: edit(r.edits.map(toTextEdit)) });
    }
  }
  if (wants(FIX_ALL_KIND) && (only || a.findings.some((f) => f.fixes.some((x) => x.safe)))) {
    const edits: TextEdit[] = applicableFixes(a.findings).map(toTextEdit);
    if (edits.length) {
      actions.push({
        title: locale === 'fi' ? 'Korjaa kaikki varmat hanke-huomautukset' : 'Fix all safe hanke problems',
        kind: FIX_ALL_KIND,
        edit: edit(edits),
      });
    }
  }
  return actions;
}

/** For a client without CodeAction literals: each action as a Command (an edit is applied by the server). */
export function asCommands(actions: readonly CodeAction[], applyEdit: boolean): Command[] {
  const commands: Command[] = [];
  for (const x of actions) {
    if (x.command) commands.push({ ...x.command, title: x.title });
    else if (x.edit && applyEdit) commands.push({ title: x.title, command: ServerCommands.applyEdit, arguments: [x.edit] });
  }
  return commands;
}

export function registerCodeActions({ connection, documents, analysis, caps, positions }: FeatureContext): Feature {
  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { a, s } = await analysis(document);
    const options = actionOptions(caps(), positions(), linesOf(document.getText()));
    const actions = codeActionsFor(a, s.locale, document.uri, params, options);
    return options.literals ? actions : asCommands(actions, options.applyEdit);
  });
  connection.onExecuteCommand(async (params) => {
    const arg = params.arguments?.[0];
    if (params.command === ServerCommands.applyEdit && arg && typeof arg === 'object') {
      await connection.workspace.applyEdit({ label: 'hanke', edit: arg as WorkspaceEdit });
    } else if (params.command === ServerCommands.showDocumentation && typeof arg === 'string' && /^(https?|file):\/\//.test(arg)) {
      // A web page in the browser; an installed page (file:) in the editor itself.
      await connection.window.showDocument({ uri: arg, external: !arg.startsWith('file:') });
    }
    return null;
  });
  return {
    capabilities: (c) => {
      const commands = [
        ...(!c.codeActionLiterals && c.applyEdit ? [ServerCommands.applyEdit] : []),
        ...(docsCommandFor(c) === ServerCommands.showDocumentation ? [ServerCommands.showDocumentation] : []),
      ];
      return {
        codeActionProvider: c.codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND] } : true,
        ...(commands.length ? { executeCommandProvider: { commands } } : {}),
      };
    },
  };
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function docsAction(d: Diagnostic, locale: Locale, command: string): CodeAction {
  const href = d.codeDescription?.href ?? (d.code !== undefined ? ruleDocsUrl(String(d.code)) : '');
  return {
    title: locale === 'fi' ? `Näytä säännön ${String(d.code)} ohje` : `Show documentation for ${String(d.code)}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    command: { title: locale === 'fi' ? 'Näytä säännön ohje' : 'Show rule documentation', command, arguments: [href] },
  };
}
