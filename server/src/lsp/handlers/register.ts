// Editor features beyond diagnostics and outline: each handler is a thin adapter from
// a core function to LSP types. Every feature registers itself here.
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, DocumentSettings } from '../state';
import type { ClientCaps, Positions } from './client';
import { registerCockpit } from './cockpit';
import { registerCodeActions } from './code-actions';
import { registerCompletion } from './completion';
import { registerFormatting } from './formatting';
import { registerHover } from './hover';

export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analysis(document: TextDocument): Promise<{ a: Analysis; s: DocumentSettings }>;
  /** What the client can do (known once it has sent `initialize`). */
  caps(): ClientCaps;
  /** Columns in the negotiated position encoding. */
  positions(): Positions;
}

export interface Feature {
  /** The capabilities this feature announces to a client that can do `caps`. */
  capabilities(caps: ClientCaps): ServerCapabilities;
  /** The settings changed (after the cached ones were dropped). */
  settingsChanged?(): void;
}

export function registerEditorFeatures(ctx: FeatureContext): Feature {
  const features: Feature[] = [registerCodeActions(ctx), registerHover(ctx), registerCompletion(ctx), registerFormatting(ctx), registerCockpit(ctx)];
  return {
    capabilities: (caps) => Object.assign({}, ...features.map((f) => f.capabilities(caps))),
    settingsChanged: () => features.forEach((f) => f.settingsChanged?.()),
  };
}
