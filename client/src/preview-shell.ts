// The frame of the live preview's page: the Content Security Policy (nothing from the
// network; only this page's inline style and script, by nonce), styles in VS Code's theme
// colours (light, dark, high contrast), and the script that swaps in the server's HTML,
// follows the cursor and reports clicks. No vscode import: tested as plain text.

/** A fresh nonce for the CSP. */
export function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

/** The page's frame: CSP, theme-coloured styles, and the script that swaps in the server's HTML. */
export function previewShell(cspSource: string, n: string, loading: string): string {
  return `<!DOCTYPE html>
<html lang="fi">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${n}'; script-src 'nonce-${n}'; img-src ${cspSource} data:; font-src ${cspSource};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${n}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); line-height: 1.5; padding: 0 1.5em 3em; max-width: 60em; }
h1 { font-size: 1.6em; margin: 0.2em 0; }
h2 { font-size: 1.25em; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); padding-bottom: 0.2em; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin-top: 1.2em; }
.card { border-left: 4px solid var(--vscode-textLink-foreground); padding: 0.6em 1em; margin: 1em 0; background: var(--vscode-textBlockQuote-background); }
.card .banner { color: var(--vscode-descriptionForeground); margin: 0; }
.card .facts span { display: inline-block; margin-right: 0.8em; }
.card .code, .card .fund { font-weight: 600; }
.state { color: var(--vscode-descriptionForeground); }
.state.ok::before { content: "✓ "; color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
dl { margin: 0.5em 0; }
.field { display: grid; grid-template-columns: minmax(10em, 38%) 1fr; gap: 0.8em; padding: 0.15em 0; }
dt { color: var(--vscode-descriptionForeground); }
dd { margin: 0; }
.amount dd { font-variant-numeric: tabular-nums; }
.figure { color: var(--vscode-editorInlayHint-foreground, var(--vscode-descriptionForeground)); background: var(--vscode-editorInlayHint-background, transparent); border-radius: 3px; padding: 0 0.3em; margin-left: 0.3em; font-size: 0.92em; }
.summary { font-weight: 600; }
.empty { color: var(--vscode-disabledForeground, var(--vscode-descriptionForeground)); }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
th, td { text-align: left; vertical-align: top; padding: 0.25em 0.5em; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.group th { padding-top: 0.8em; }
.answer { margin: 0.6em 0; }
.answer .question { margin: 0; color: var(--vscode-descriptionForeground); }
.answer .reply { margin: 0.1em 0; }
.has-finding { outline: 1px dashed var(--vscode-editorWarning-foreground); outline-offset: 2px; }
.finding { display: block; margin: 0.2em 0; padding: 0.1em 0.5em; border-left: 3px solid; font-size: 0.95em; }
.finding .sev { font-weight: 600; text-transform: uppercase; font-size: 0.8em; }
.finding code { color: var(--vscode-descriptionForeground); }
.sev-error { border-color: var(--vscode-editorError-foreground); background: var(--vscode-inputValidation-errorBackground, transparent); }
.sev-warning { border-color: var(--vscode-editorWarning-foreground); background: var(--vscode-inputValidation-warningBackground, transparent); }
.sev-info, .sev-hint { border-color: var(--vscode-editorInfo-foreground); background: var(--vscode-inputValidation-infoBackground, transparent); }
body.vscode-high-contrast .card, body.vscode-high-contrast-light .card { border: 1px solid var(--vscode-contrastBorder); }
body.vscode-high-contrast .finding, body.vscode-high-contrast-light .finding { border: 1px solid var(--vscode-contrastActiveBorder, var(--vscode-contrastBorder)); }
[data-line] { cursor: pointer; }
.current { background: var(--vscode-editor-lineHighlightBackground, transparent); }
</style>
</head>
<body>
<main id="page"><p class="empty">${loading}</p></main>
<script nonce="${n}">
(function () {
  const vscode = acquireVsCodeApi();
  const page = document.getElementById('page');
  let current;
  function mark(line, scroll) {
    let best;
    for (const el of page.querySelectorAll('[data-line]')) {
      const l = Number(el.getAttribute('data-line'));
      if (l <= line && (!best || l >= Number(best.getAttribute('data-line')))) best = el;
    }
    if (current) current.classList.remove('current');
    current = best;
    if (!best) return;
    best.classList.add('current');
    if (scroll) best.scrollIntoView({ block: 'center' });
  }
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (m.type === 'update') {
      page.innerHTML = m.html;
      document.body.setAttribute('data-version', String(m.version));
      if (typeof m.line === 'number') mark(m.line, false);
    } else if (m.type === 'line') {
      mark(m.line, true);
    } else if (m.type === 'section') {
      const el = page.querySelector('[data-section="' + CSS.escape(m.number) + '"]');
      if (el) { el.scrollIntoView({ block: 'start' }); mark(Number(el.getAttribute('data-line')), false); }
    }
  });
  page.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target.closest('[data-line]') : null;
    if (el) vscode.postMessage({ type: 'reveal', line: Number(el.getAttribute('data-line')) });
  });
  vscode.postMessage({ type: 'ready' });
})();
</script>
</body>
</html>`;
}
