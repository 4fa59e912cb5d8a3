import { isMainThread } from 'node:worker_threads';
import { bindConnection } from './connection.js';
import { serveAnalysisRequests } from './offload/analysis-worker.js';
import { AnalysisWorkerClient } from './offload/analysis-worker-client.js';
import { nodeWorkspaceFiles } from './host/node-files.js';
import { clientWorkspaceFiles } from './host/client-files.js';
import { filesByScheme } from './host/by-scheme-files.js';
import { connectionFromArgv } from './transport.js';
import { installCrashGuards } from './crash-guard.js';

declare const PACKAGE_VERSION: string | undefined;
const version = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0-dev';

const args = process.argv.slice(2);
if (!isMainThread) {
  // The same script is the analysis worker: one bundle, loaded once more in a thread.
  serveAnalysisRequests();
} else if (args.includes('--version')) {
  process.stdout.write(`${version}\n`);
} else if (args.includes('--help') || !args.some((arg) => /^--(?:stdio|node-ipc|socket|pipe|clientProcessId)/.test(arg))) {
  process.stdout.write(
    'postmortem-language-server: the Postmortem Writer language server.\n\nUsage: postmortem-language-server --stdio\n\nTransports: --stdio, --node-ipc, --socket=PORT, --pipe=NAME\n',
  );
  process.exitCode = args.includes('--help') ? 0 : 2;
} else {
  // The transport (--stdio, --node-ipc …) is read from argv; stream transports get a reader that survives malformed frames.
  const connection = connectionFromArgv(args);
  installCrashGuards((message) => connection.console.error(message));
  const workerScript = new URL(import.meta.url);
  bindConnection(connection, version, { analysisWorker: (host) => new AnalysisWorkerClient(workerScript, host), files: filesByScheme(nodeWorkspaceFiles, clientWorkspaceFiles(connection)) });
  connection.listen();
}
