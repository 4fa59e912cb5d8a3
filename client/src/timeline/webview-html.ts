// The Incident Timeline webview's HTML shell: its stylesheet and script are
// files (client/media/timeline.css, the esbuild bundle dist/webview/timeline.js)
// loaded through webview URIs under a strict CSP with a fresh nonce. No VS Code
// imports: the unit tests check the document.

export interface WebviewDocumentOptions {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  documentName: string;
  /** webview.asWebviewUri() of the script bundle and the stylesheet. */
  scriptUri: string;
  styleUri: string;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The webview's HTML: content arrives by message. */
export function webviewDocument({ cspSource, nonce, documentName, scriptUri, styleUri }: WebviewDocumentOptions): string {
  const csp = `default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource}; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Incident Timeline</title>
<link rel="stylesheet" href="${escapeHtml(styleUri)}">
</head>
<body>
<header class="toolbar">
  <div class="doc"><span id="doc">${escapeHtml(documentName)}</span> <span class="live">· follows your edits</span></div>
  <button type="button" class="action" id="export" disabled title="Save the picture as a standalone SVG file, colours included">Export SVG…</button>
</header>
<main>
  <div id="content" hidden>
    <div id="picture"></div>
    <section id="entries" aria-labelledby="entries-heading">
      <h2 id="entries-heading">Entries</h2>
      <div id="table"></div>
    </section>
  </div>
  <div id="empty" class="empty" role="status" hidden>
    <div class="glyph" aria-hidden="true">◷</div>
    <h1 id="empty-title"></h1>
    <div id="empty-body"></div>
  </div>
</main>
<div id="tooltip" role="tooltip" hidden></div>
<script nonce="${nonce}" src="${escapeHtml(scriptUri)}"></script>
</body>
</html>`;
}
