import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { Commands, SERVER_NAME, SETTINGS_SECTION } from '../../server/src/protocol.js';
import { IncidentOutlineProvider } from './outline-view.js';

/** What activate() returns: the tests reach the client and the outline through it. */
export interface PostmortemWriterApi {
  client: LanguageClient;
  outline: IncidentOutlineProvider;
}

// deactivate() must wait for the server to stop, so it needs the client.
let running: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PostmortemWriterApi> {
  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: { configurationSection: SETTINGS_SECTION },
  };
  const client = new LanguageClient('postmortem', SERVER_NAME, serverOptions, clientOptions);
  const outline = new IncidentOutlineProvider(client);

  let refreshTimer: NodeJS.Timeout | undefined;
  const refreshSoon = (): void => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void outline.refresh(), 100);
  };

  context.subscriptions.push(
    outline,
    vscode.window.createTreeView('postmortem.outline', { treeDataProvider: outline, showCollapseAll: true }),
    vscode.commands.registerCommand(Commands.revealRange, async (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preserveFocus: false });
      const target = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
      editor.selection = new vscode.Selection(target.start, target.start);
      editor.revealRange(target, vscode.TextEditorRevealType.AtTop);
    }),
    vscode.commands.registerCommand(Commands.refreshOutline, () => outline.refresh()),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      await client.restart();
      await outline.refresh();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => void outline.refresh()),
    // The server publishes diagnostics after each analysis: the outline's problem counts follow them.
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) refreshSoon();
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) refreshSoon();
    }),
    { dispose: () => clearTimeout(refreshTimer) },
  );

  running = client;
  await client.start();
  await outline.refresh();
  return { client, outline };
}

export function deactivate(): Thenable<void> | undefined {
  return running?.stop();
}
