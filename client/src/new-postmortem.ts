import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { NewPostmortemRequest, SETTINGS_SECTION, TemplatesRequest, type TemplateChoice, type TemplatesResult } from '../../server/src/protocol.js';

export interface NewPostmortemAnswers {
  template: string;
  title: string;
  date: string;
  severity: string;
}

/** What New Postmortem offers: where the file goes, the quick pick's template rows (from the server, the team's templates included), problems in the team's config. */
export interface NewPostmortemChoices {
  folder: vscode.Uri | undefined;
  templates: Array<vscode.QuickPickItem & { id: string }>;
  problems: string[];
  severities: string[];
}

/** The quick pick's rows: the team's templates say so, each lists its sections. */
function templatePickItems(listed: TemplatesResult): NewPostmortemChoices['templates'] {
  const describe = (template: TemplateChoice): string => [template.configured ? "the team's template" : template.custom ? 'custom template' : '', template.id].filter(Boolean).join(' · ');
  return listed.templates.map((template) => ({ label: template.name, description: describe(template), detail: template.headings.join(' · '), id: template.id }));
}

/** Asks the server which templates the folder New Postmortem writes into knows (`postmortem.newPostmortemFolder` in the first workspace folder). */
export async function newPostmortemChoices(client: LanguageClient): Promise<NewPostmortemChoices> {
  const workspace = vscode.workspace.workspaceFolders?.[0];
  const folder = workspace ? vscode.Uri.joinPath(workspace.uri, vscode.workspace.getConfiguration(SETTINGS_SECTION, workspace.uri).get<string>('newPostmortemFolder', 'postmortems')) : undefined;
  const listed = await client.sendRequest(TemplatesRequest, { folder: folder?.toString() ?? null });
  return { folder, templates: templatePickItems(listed), problems: listed.problems, severities: listed.severities };
}

/** Asks for template, title, date and severity; undefined when the user cancels. */
async function ask(choices: NewPostmortemChoices): Promise<NewPostmortemAnswers | undefined> {
  if (choices.problems.length > 0) {
    void vscode.window.showWarningMessage(`Postmortem Writer: the team's config has problems, so its templates may be missing (the built-in ones are offered). ${choices.problems.join('; ')}`);
  }
  const picked = await vscode.window.showQuickPick(choices.templates, { title: 'New Postmortem (1/4): template', placeHolder: 'Which format?', matchOnDescription: true });
  if (!picked) return undefined;
  const title = await vscode.window.showInputBox({ title: 'New Postmortem (2/4): title', prompt: 'What happened, in a few words', validateInput: (value) => (value.trim() === '' ? 'A title, please' : undefined) });
  if (!title) return undefined;
  const today = new Date().toISOString().slice(0, 10);
  const date = await vscode.window.showInputBox({
    title: 'New Postmortem (3/4): incident date',
    value: today,
    prompt: 'YYYY-MM-DD',
    validateInput: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : 'A date as YYYY-MM-DD'),
  });
  if (!date) return undefined;
  const severity = await vscode.window.showQuickPick(choices.severities, { title: 'New Postmortem (4/4): severity' });
  if (!severity) return undefined;
  return { template: picked.id, title: title.trim(), date, severity };
}

/**
 * Creates `YYYY-MM-DD-title-slug.md` in the configured folder from the chosen
 * template (rendered by the server, which knows the team's templates) and
 * opens it with the cursor in the first field to fill in. Never overwrites:
 * an existing name gets a numbered suffix.
 */
export async function newPostmortem(client: LanguageClient, answers?: NewPostmortemAnswers): Promise<vscode.Uri | undefined> {
  const choices = await newPostmortemChoices(client);
  const { folder } = choices;
  const values = answers ?? (await ask(choices));
  if (!values) return undefined;
  const rendered = await client.sendRequest(NewPostmortemRequest, { folder: folder?.toString() ?? null, ...values });
  if (!rendered) throw new Error(`Unknown template ${values.template}`);
  const snippet = new vscode.SnippetString(rendered.snippet);
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await (await vscode.window.showTextDocument(document)).insertSnippet(snippet);
    return document.uri;
  }
  await vscode.workspace.fs.createDirectory(folder);
  let uri = vscode.Uri.joinPath(folder, `${rendered.fileStem}.md`);
  for (let n = 2; await exists(uri); n++) uri = vscode.Uri.joinPath(folder, `${rendered.fileStem}-${n}.md`);
  await vscode.workspace.fs.writeFile(uri, new Uint8Array());
  const editor = await vscode.window.showTextDocument(uri);
  await editor.insertSnippet(snippet, new vscode.Position(0, 0));
  return uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
