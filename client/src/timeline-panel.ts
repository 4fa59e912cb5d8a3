// The Incident Timeline's commands and its panel serializer (the panel itself: timeline/panel.ts).
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Commands } from '../../server/src/protocol.js';
import { TIMELINE_VIEW_TYPE, TimelinePanel } from './timeline/panel.js';
import { timelineState, type TimelineStateQuery } from './timeline/state-command.js';

/**
 * Registers Postmortem: Show Incident Timeline (an optional document Uri:
 * editor/title passes one), Export Incident Timeline as SVG (an optional
 * target Uri saves there without asking), and postmortem.timelineState (what
 * the webview shows; see timeline/state-command.ts).
 */
export function registerTimelinePanel(context: vscode.ExtensionContext, client: LanguageClient): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.showTimeline, (uri?: unknown) => {
      TimelinePanel.show(client, context.extensionUri, uri instanceof vscode.Uri ? uri : undefined);
    }),
    vscode.commands.registerCommand(Commands.exportTimeline, (target?: unknown) => TimelinePanel.current?.export(target instanceof vscode.Uri ? target : undefined)),
    vscode.commands.registerCommand(Commands.timelineState, (query?: TimelineStateQuery) => timelineState(query)),
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => {
        TimelinePanel.revive(panel, client, context.extensionUri, state);
        return Promise.resolve();
      },
    }),
    { dispose: () => TimelinePanel.current?.dispose() },
  );
}
