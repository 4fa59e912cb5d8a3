import * as vscode from 'vscode';
import { TEMPLATES } from '../../server/src/templates/registry.js';
import { slugify, templateSnippet } from '../../server/src/templates/render.js';
import { SETTINGS_SECTION } from '../../server/src/protocol.js';

export interface NewPostmortemAnswers {
  template: string;
  title: string;
  date: string;
  severity: string;
}

/** Asks for template, title, date and severity; undefined when the user cancels. */
async function ask(): Promise<NewPostmortemAnswers | undefined> {
  const picked = await vscode.window.showQuickPick(
    TEMPLATES.map((template) => ({ label: template.name, description: template.id, detail: template.sections.map((section) => section.heading).join(' · '), id: template.id })),
    { title: 'New Postmortem (1/4): template', placeHolder: 'Which format?' },
  );
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
  const severity = await vscode.window.showQuickPick(['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5'], { title: 'New Postmortem (4/4): severity' });
  if (!severity) return undefined;
  return { template: picked.id, title: title.trim(), date, severity };
}

/**
 * Creates `YYYY-MM-DD-title-slug.md` in the configured folder from the chosen
 * template and opens it with the cursor in the first field to fill in. Never
 * overwrites: an existing name gets a numbered suffix.
 */
export async function newPostmortem(answers?: NewPostmortemAnswers): Promise<vscode.Uri | undefined> {
  const values = answers ?? (await ask());
  if (!values) return undefined;
  const template = TEMPLATES.find((candidate) => candidate.id === values.template);
  if (!template) throw new Error(`Unknown template ${values.template}`);
  const workspace = vscode.workspace.workspaceFolders?.[0];
  const snippet = new vscode.SnippetString(templateSnippet(template, { title: values.title, date: values.date, severity: values.severity }));
  if (!workspace) {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await (await vscode.window.showTextDocument(document)).insertSnippet(snippet);
    return document.uri;
  }
  const folderSetting = vscode.workspace.getConfiguration(SETTINGS_SECTION, workspace.uri).get<string>('newPostmortemFolder', 'postmortems');
  const folder = vscode.Uri.joinPath(workspace.uri, folderSetting);
  await vscode.workspace.fs.createDirectory(folder);
  const base = `${values.date}-${slugify(values.title)}`;
  let uri = vscode.Uri.joinPath(folder, `${base}.md`);
  for (let n = 2; await exists(uri); n++) uri = vscode.Uri.joinPath(folder, `${base}-${n}.md`);
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
