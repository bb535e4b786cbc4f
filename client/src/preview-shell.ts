// The frame of the live preview's page: the Content Security Policy (nothing from the
// network; only this page's inline style and script, by nonce), styles in VS Code's theme
// colours (light, dark, high contrast), and the script that swaps in the server's HTML,
// follows the cursor and reports clicks. No vscode import: tested as plain text.

import { PAGE_CSS } from '../../server/src/core/preview-style';

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
${PAGE_CSS}
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); line-height: 1.5; padding: 0 1.5em 3em; max-width: 60em; }
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
