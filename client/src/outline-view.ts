import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { Commands, OutlineRequest, type OutlineResult, type OutlineSection } from '../../server/src/protocol.js';

const KIND_LABELS: Record<string, string> = {
  summary: 'Summary',
  impact: 'Impact',
  'root-cause': 'Root cause',
  trigger: 'Trigger',
  detection: 'Detection',
  response: 'Response',
  resolution: 'Resolution',
  timeline: 'Timeline',
  'action-items': 'Action items',
  lessons: 'Lessons learned',
  'supporting-information': 'Supporting information',
};

export interface OutlineNode {
  section: OutlineSection;
  uri: string;
  children: OutlineNode[];
}

/** The Incident Outline: the active postmortem's sections, in document order, nested by level. */
export class IncidentOutlineProvider implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OutlineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private current: OutlineResult | null = null;
  private shownUri: string | undefined;
  private roots: OutlineNode[] = [];
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
    this.roots = this.current ? nest(this.current) : [];
    await vscode.commands.executeCommand('setContext', 'postmortem.isPostmortem', this.current !== null);
    this.changed.fire(undefined);
    this.updatedEmitter.fire(this.current);
  }

  getChildren(element?: OutlineNode): OutlineNode[] {
    return element ? element.children : this.roots;
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const { section } = node;
    const item = new vscode.TreeItem(section.heading || '(untitled)', node.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    const kindLabel = KIND_LABELS[section.kind];
    const problems = section.problems > 0 ? `${section.problems} problem${section.problems === 1 ? '' : 's'}` : '';
    item.description = [kindLabel && kindLabel.toLowerCase() !== section.heading.toLowerCase() ? kindLabel : '', problems].filter(Boolean).join(' · ');
    item.iconPath = section.problems > 0 ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon(section.kind === 'other' ? 'symbol-namespace' : 'pass');
    item.tooltip = new vscode.MarkdownString(`**${section.heading}**${kindLabel ? ` — ${kindLabel}` : ''}${problems ? `\n\n${problems}` : ''}`);
    item.command = { command: Commands.revealRange, title: 'Reveal section', arguments: [node.uri, section.headingRange] };
    item.contextValue = `section.${section.kind}`;
    return item;
  }

  dispose(): void {
    this.changed.dispose();
    this.updatedEmitter.dispose();
  }
}

function nest(result: OutlineResult): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const section of result.sections) {
    const node: OutlineNode = { section, uri: result.uri, children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.section.level >= section.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return roots;
}
