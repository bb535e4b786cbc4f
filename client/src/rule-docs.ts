// Which documentation page the "open rule documentation" command should open, from
// whatever it was given. Pure (no `vscode` import) so that it can be unit-tested.
//
// The pages ship with the extension (docs/rules/<id>.md); `base` is their folder as a URI
// ending in `/` (the client passes the same base to the server, which links each
// diagnostic's page under it). Web pages (http/https) are accepted too.
import { ruleDocsUrl } from '../../server/src/core/docs';

const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function isWebUrl(s: string): boolean {
  return /^https?:\/\/\S+$/i.test(s);
}

/** Is `url` a rule page bundled with the extension (directly under `base`)? */
export function isBundledPage(url: string, base: string | undefined): boolean {
  if (!base || !url.startsWith(base)) return false;
  const rest = url.slice(base.length);
  return rest.endsWith('.md') && RULE_ID.test(rest.slice(0, -3));
}

/** A page the command may open: a bundled rule page or a web page. */
function acceptable(url: string, base: string | undefined): string | undefined {
  return isBundledPage(url, base) || isWebUrl(url) ? url : undefined;
}

/** A vscode.Uri, recognised by shape. */
function isUriLike(v: object): v is { scheme: string; toString(): string } {
  return typeof (v as { scheme?: unknown }).scheme === 'string' && typeof (v as { path?: unknown }).path === 'string';
}

/**
 * The documentation page an argument points at: a bundled page or http(s) URL (what the
 * server's code action passes), a rule id, a VS Code diagnostic (its code's target) or an
 * LSP diagnostic (codeDescription.href). Anything else — such as the document URI VS Code
 * passes when the command runs from the editor's context menu — gives undefined, and the
 * command then looks at the findings under the cursor.
 */
export function docsUrlOf(arg: unknown, base?: string): string | undefined {
  if (typeof arg === 'string') {
    if (RULE_ID.test(arg)) return base ? `${base}${arg}.md` : ruleDocsUrl(arg);
    return acceptable(arg, base);
  }
  if (!arg || typeof arg !== 'object') return undefined;
  if (isUriLike(arg)) return acceptable(arg.toString(), base);
  const a = arg as { code?: unknown; codeDescription?: { href?: unknown }; href?: unknown; url?: unknown };
  if (a.code && typeof a.code === 'object') {
    const target = (a.code as { target?: unknown }).target;
    if (target && typeof target === 'object' && isUriLike(target)) return docsUrlOf(target, base);
    if (typeof target === 'string') return acceptable(target, base);
  }
  const href = a.codeDescription?.href;
  if (typeof href === 'string' && acceptable(href, base)) return href;
  for (const v of [a.href, a.url]) if (typeof v === 'string' && acceptable(v, base)) return v;
  return undefined;
}
