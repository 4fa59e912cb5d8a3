import type { CodeActionParams, CompletionParams, DocumentLinkParams, HoverParams, InlayHintParams, Position, TextDocumentIdentifier } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine/analyze.js';
import type { Settings } from '../config/settings.js';
import { toDiagnostic } from './diagnostics.js';
import { codeActions } from './code-actions.js';
import { completions } from './completion.js';
import { documentSymbols } from './symbols.js';
import { outline } from './outline.js';
import { hover } from './hover.js';
import { foldingRanges } from './folding.js';
import { documentLinks } from './links.js';
import { inlayHints } from './inlay-hints.js';
import { codeLenses } from './code-lens.js';
import { incident } from './incident.js';
import { insertSection } from './insert-section.js';
import type { InsertSectionParams } from '../protocol.js';

/** One analysed document version, as every feature sees it. */
export interface FeatureContext {
  document: TextDocument;
  result: Analysis;
  settings: Settings;
}

/** A position past the end of its line or of the document, where LSP says the end is (clients send them mid-edit). */
const clamp = (document: TextDocument, position: Position): Position => document.positionAt(document.offsetAt(position));

interface AnyParams {
  textDocument?: TextDocumentIdentifier;
}

/**
 * Every feature as a pure function of the analysis and the request's params,
 * by name: the connection runs them in-process for small documents and sends
 * the name to the analysis worker for large ones, so both run the same code.
 * Other Markdown (not a postmortem) keeps only the editor's own features.
 */
export const FEATURES = {
  diagnostics: ({ document, result }: FeatureContext, _params: AnyParams) => result.findings.map((finding) => toDiagnostic(finding, document.uri, document.version)),
  completion: ({ document, result }: FeatureContext, params: CompletionParams) => (result.isPostmortem ? completions(document, clamp(document, params.position), result) : []),
  hover: ({ document, result }: FeatureContext, params: HoverParams) => (result.isPostmortem ? hover(result, clamp(document, params.position)) : null),
  documentSymbol: ({ result }: FeatureContext, _params: AnyParams) => (result.isPostmortem ? documentSymbols(result) : []),
  foldingRange: ({ result }: FeatureContext, _params: AnyParams) => (result.isPostmortem ? foldingRanges(result) : []),
  documentLink: ({ result, settings }: FeatureContext, _params: DocumentLinkParams) => (result.isPostmortem ? documentLinks(result, settings.ticketUrl) : []),
  inlayHint: ({ result, settings }: FeatureContext, params: InlayHintParams) => (result.isPostmortem && settings.inlayHints ? inlayHints(result, params.range) : []),
  codeLens: ({ result }: FeatureContext, _params: AnyParams) => (result.isPostmortem ? codeLenses(result) : []),
  codeAction: ({ document, result }: FeatureContext, params: CodeActionParams) => (result.isPostmortem ? codeActions(document, params, result) : []),
  outline: ({ document, result }: FeatureContext, _params: AnyParams) => outline(document.uri, document.version, result),
  incident: ({ document, result }: FeatureContext, _params: AnyParams) => incident(document.uri, document.version, result),
  insertSection: ({ document, result }: FeatureContext, params: InsertSectionParams) => insertSection(document.version, result, params),
};

export type FeatureName = keyof typeof FEATURES;
export type FeatureParams<N extends FeatureName> = Parameters<(typeof FEATURES)[N]>[1];
export type FeatureResult<N extends FeatureName> = ReturnType<(typeof FEATURES)[N]>;

export function runFeature<N extends FeatureName>(name: N, context: FeatureContext, params: FeatureParams<N>): FeatureResult<N> {
  const feature = FEATURES[name] as (context: FeatureContext, params: FeatureParams<N>) => FeatureResult<N>;
  return feature(context, params);
}
