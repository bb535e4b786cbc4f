// The styles of the description page (core/preview.ts): VS Code's theme colours where
// the page sits in a webview (light, dark and high contrast follow the theme), neutral
// colours through the fallbacks elsewhere (a report). No imports: the client bundles it.

export const PAGE_CSS = `h1 { font-size: 1.6em; margin: 0.2em 0; }
h2 { font-size: 1.25em; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); padding-bottom: 0.2em; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin-top: 1.2em; }
.card { border-left: 4px solid var(--vscode-textLink-foreground, #0066b8); padding: 0.6em 1em; margin: 1em 0; background: var(--vscode-textBlockQuote-background, rgba(127,127,127,0.1)); }
.card .banner { color: var(--vscode-descriptionForeground, #6b6b6b); margin: 0; }
.card .facts span { display: inline-block; margin-right: 0.8em; }
.card .code, .card .fund { font-weight: 600; }
.state { color: var(--vscode-descriptionForeground, #6b6b6b); }
.state.ok::before { content: "✓ "; color: var(--vscode-testing-iconPassed, var(--vscode-foreground, inherit)); }
dl { margin: 0.5em 0; }
.field { display: grid; grid-template-columns: minmax(10em, 38%) 1fr; gap: 0.8em; padding: 0.15em 0; }
dt { color: var(--vscode-descriptionForeground, #6b6b6b); }
dd { margin: 0; }
.amount dd { font-variant-numeric: tabular-nums; }
.figure { color: var(--vscode-editorInlayHint-foreground, var(--vscode-descriptionForeground, #6b6b6b)); background: var(--vscode-editorInlayHint-background, transparent); border-radius: 3px; padding: 0 0.3em; margin-left: 0.3em; font-size: 0.92em; }
.summary { font-weight: 600; }
.empty { color: var(--vscode-disabledForeground, var(--vscode-descriptionForeground, #6b6b6b)); }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
th, td { text-align: left; vertical-align: top; padding: 0.25em 0.5em; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.group th { padding-top: 0.8em; }
.answer { margin: 0.6em 0; }
.answer .question { margin: 0; color: var(--vscode-descriptionForeground, #6b6b6b); }
.answer .reply { margin: 0.1em 0; }
.has-finding { outline: 1px dashed var(--vscode-editorWarning-foreground, #bf8803); outline-offset: 2px; }
.finding { display: block; margin: 0.2em 0; padding: 0.1em 0.5em; border-left: 3px solid; font-size: 0.95em; }
.finding .sev { font-weight: 600; text-transform: uppercase; font-size: 0.8em; }
.finding code { color: var(--vscode-descriptionForeground, #6b6b6b); }
.sev-error { border-color: var(--vscode-editorError-foreground, #e51400); background: var(--vscode-inputValidation-errorBackground, transparent); }
.sev-warning { border-color: var(--vscode-editorWarning-foreground, #bf8803); background: var(--vscode-inputValidation-warningBackground, transparent); }
.sev-info, .sev-hint { border-color: var(--vscode-editorInfo-foreground, #1a85ff); background: var(--vscode-inputValidation-infoBackground, transparent); }`;
