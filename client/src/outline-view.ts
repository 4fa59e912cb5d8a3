import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Commands, OutlineRequest, type OutlineChild, type OutlineResult, type OutlineSection } from '../../server/src/protocol.js';

export type OutlineNode = { type: 'section'; section: OutlineSection; uri: string } | { type: 'child'; child: OutlineChild; uri: string };

function sectionItem(section: OutlineSection, uri: string): vscode.TreeItem {
  const item = new vscode.TreeItem(section.heading, section.children.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  if (section.status === 'missing') {
    item.description = section.required ? 'missing' : 'missing · recommended';
    item.iconPath = new vscode.ThemeIcon(section.required ? 'circle-large-outline' : 'circle-small', new vscode.ThemeColor(section.required ? 'problemsWarningIcon.foreground' : 'disabledForeground'));
    item.contextValue = 'missingSection';
    // Headings are the document's and purposes may be a workspace template's: the server sends them as literal Markdown.
    item.tooltip = new vscode.MarkdownString(`**${section.markdown.heading}** is missing.\n\n${section.markdown.purpose}`);
    item.command = { command: Commands.insertSection, title: 'Insert section', arguments: [uri, section.heading] };
    return item;
  }
  const problems = section.problems > 0 ? `${section.problems} problem${section.problems === 1 ? '' : 's'}` : '';
  item.description = [problems, section.kind === 'timeline' ? `${section.children.length} entries` : section.kind === 'action-items' ? `${section.children.length} items` : ''].filter(Boolean).join(' · ');
  item.iconPath = section.status === 'has-problems' ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon(section.kind === 'other' ? 'symbol-namespace' : 'pass', new vscode.ThemeColor(section.kind === 'other' ? 'foreground' : 'testing.iconPassed'));
  item.tooltip = new vscode.MarkdownString(`**${section.markdown.heading}**${section.purpose ? `\n\n${section.markdown.purpose}` : ''}${problems ? `\n\n${problems}` : ''}`);
  item.contextValue = `section.${section.kind}`;
  if (section.headingRange) item.command = { command: Commands.revealRange, title: 'Reveal section', arguments: [uri, section.headingRange] };
  return item;
}

function childItem(child: OutlineChild, uri: string): vscode.TreeItem {
  const item = new vscode.TreeItem(child.label, vscode.TreeItemCollapsibleState.None);
  item.description = child.detail;
  item.tooltip = child.detail ? `${child.label}\n${child.detail}` : child.label;
  item.iconPath = new vscode.ThemeIcon(child.kind === 'timeline-entry' ? 'clock' : child.kind === 'action-item' ? (child.done ? 'pass-filled' : 'circle-large-outline') : 'symbol-namespace');
  item.command = { command: Commands.revealRange, title: 'Reveal', arguments: [uri, child.range] };
  item.contextValue = child.kind;
  return item;
}

/** The Incident Outline: the active postmortem's template sections, present or missing, with their entries and items. */
export class IncidentOutlineProvider implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OutlineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private current: OutlineResult | null = null;
  private shownUri: string | undefined;
  private requestSerial = 0;
  private readonly updatedEmitter = new vscode.EventEmitter<OutlineResult | null>();
  /** Fires after the tree has new data; tests wait on it instead of sleeping. */
  readonly onDidUpdate = this.updatedEmitter.event;

  constructor(private readonly client: LanguageClient) {}

  get result(): OutlineResult | null {
    return this.current;
  }

  /** The document the outline last looked at, postmortem or not. */
  get documentUri(): string | undefined {
    return this.shownUri;
  }

  async refresh(): Promise<void> {
    const serial = ++this.requestSerial;
    const editor = vscode.window.activeTextEditor;
    let result: OutlineResult | null = null;
    if (editor && editor.document.languageId === 'markdown') {
      try {
        result = await this.client.sendRequest(OutlineRequest, { uri: editor.document.uri.toString() });
      } catch {
        result = null;
      }
    }
    // A newer refresh started meanwhile: its answer wins.
    if (serial !== this.requestSerial) return;
    this.shownUri = editor?.document.uri.toString();
    this.current = result?.isPostmortem ? result : null;
    await vscode.commands.executeCommand('setContext', 'postmortem.isPostmortem', this.current !== null);
    this.changed.fire(undefined);
    this.updatedEmitter.fire(this.current);
  }

  getChildren(element?: OutlineNode): OutlineNode[] {
    if (!this.current) return [];
    const uri = this.current.uri;
    if (!element) return this.current.sections.map((section) => ({ type: 'section', section, uri }));
    return element.type === 'section' ? element.section.children.map((child) => ({ type: 'child', child, uri })) : [];
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    return node.type === 'section' ? sectionItem(node.section, node.uri) : childItem(node.child, node.uri);
  }

  dispose(): void {
    this.changed.dispose();
    this.updatedEmitter.dispose();
  }
}
