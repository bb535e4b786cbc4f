// The live preview's frame: a strict Content Security Policy, nothing from the network,
// the theme's colours, and only its own nonce'd style and script.
import { describe, expect, it } from 'vitest';
import { nonce, previewShell } from '../../client/src/preview-shell';
import { PAGE_CSS } from '../../server/src/core/preview-style';

describe('preview shell', () => {
  const n = nonce();
  const html = previewShell('https://file+.vscode-resource.vscode-cdn.net', n, 'Loading…');

  it('has a strict CSP: nothing by default, scripts and styles only by nonce', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual([`'nonce-${n}'`]);
    expect(directives['style-src']).toContain(`'nonce-${n}'`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(n).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(nonce()).not.toBe(n);
  });

  it('loads nothing: one inline script and one inline style, both with the nonce, no URLs', () => {
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(`<script nonce="${n}">`);
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(html).toContain(`<style nonce="${n}">`);
    expect(html.replaceAll('https://file+.vscode-resource.vscode-cdn.net', '')).not.toMatch(/https?:|src=|href=|@import|url\(/);
  });

  it('takes the theme colours, with fallbacks for pages outside VS Code', () => {
    expect(html).toContain(PAGE_CSS);
    expect(html).toMatch(/body \{[^}]*var\(--vscode-editor-background\)/);
    expect(html).toMatch(/body\.vscode-high-contrast/);
    for (const m of PAGE_CSS.matchAll(/var\((--vscode-[\w-]+)(,?)/g)) expect(m[2], m[1]).toBe(',');
  });
});
