// The server's connection, on the transport named in argv. vscode-languageserver's
// createConnection picks the transport itself, but then reads stream transports with
// its StreamMessageReader, which one malformed frame wedges for good; for --stdio,
// --socket and --pipe this builds the same transport with a ResilientMessageReader.
// --node-ipc (process messages, no framing) and anything else go to
// createConnection as before. Passing a reader rather than stdin also turns off
// what createConnection does for --stdio only, so this does it too: console
// output goes to the client's log instead of stdout (where it would corrupt the
// protocol), and the server exits when its input ends (0 after shutdown, 1
// otherwise).
import { createConnection as createSocket, type Socket } from 'node:net';
import { inspect } from 'node:util';
import {
  createConnection,
  Message,
  ProposedFeatures,
  ShutdownRequest,
  SocketMessageWriter,
  StreamMessageWriter,
  type Connection,
  type MessageReader,
  type RemoteConsole,
} from 'vscode-languageserver/node.js';
import { ResilientMessageReader } from './resilient-reader.js';

type Transport = { kind: 'stdio' } | { kind: 'socket'; socket: Socket } | { kind: 'default' };

/** The transport argv names, read as vscode-languageserver's createConnection reads it (the first one named wins). */
function transportOf(argv: readonly string[]): Transport {
  let port: number | undefined;
  let pipeName: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--node-ipc') return { kind: 'default' };
    if (arg === '--stdio') return { kind: 'stdio' };
    if (arg === '--socket') {
      port = Number.parseInt(argv[i + 1] ?? '', 10);
      break;
    }
    if (arg === '--pipe') {
      pipeName = argv[i + 1];
      break;
    }
    const [name, value] = arg.split('=');
    if (name === '--socket') {
      port = Number.parseInt(value ?? '', 10);
      break;
    }
    if (name === '--pipe') {
      pipeName = value;
      break;
    }
  }
  // As createConnection: a port of 0 or not a number, or an empty pipe name, is no transport (it then throws).
  if (port) return { kind: 'socket', socket: createSocket(port, '127.0.0.1') };
  if (pipeName) return { kind: 'socket', socket: createSocket(pipeName) };
  return { kind: 'default' };
}

/** The connection on the transport argv names (--stdio, --node-ipc, --socket=PORT, --pipe=NAME). */
export function connectionFromArgv(argv: readonly string[]): Connection {
  const transport = transportOf(argv);
  if (transport.kind === 'default') return createConnection(ProposedFeatures.all);
  if (transport.kind === 'socket') {
    return createConnection(ProposedFeatures.all, new ResilientMessageReader(transport.socket), new SocketMessageWriter(transport.socket));
  }
  let shutdownReceived = false;
  const reader = new ResilientMessageReader(process.stdin);
  // Sees the shutdown request go by, for the exit code when the input ends.
  const watched: MessageReader = {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    listen: (callback) =>
      reader.listen((message) => {
        if (Message.isRequest(message) && message.method === ShutdownRequest.method) shutdownReceived = true;
        callback(message);
      }),
    dispose: () => reader.dispose(),
  };
  const connection = createConnection(ProposedFeatures.all, watched, new StreamMessageWriter(process.stdout));
  const exit = (): never => process.exit(shutdownReceived ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  routeConsole(connection.console);
  return connection;
}

/** console.* to the client's log (window/logMessage), as createConnection does for --stdio (and console.info too). */
function routeConsole(remote: RemoteConsole): void {
  const text = (args: unknown[]): string => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ');
  const counts = new Map<string, number>();
  console.log = console.info = console.debug = (...args: unknown[]) => remote.log(text(args));
  console.count = (label = 'default') => {
    const count = (counts.get(label) ?? 0) + 1;
    counts.set(label, count);
    remote.log(`${label}: ${count}`);
  };
  console.countReset = (label?: string) => (label === undefined ? counts.clear() : counts.delete(label));
  console.warn = (...args: unknown[]) => remote.warn(text(args));
  console.error = (...args: unknown[]) => remote.error(text(args));
  console.dir = (item: unknown, options?: Parameters<typeof inspect>[1]) => remote.log(inspect(item, options));
  console.trace = (...args: unknown[]) => remote.log(`Trace${args.length > 0 ? `: ${text(args)}` : ''}\n${(new Error().stack ?? '').split('\n').slice(2).join('\n')}`);
  console.assert = (assertion?: unknown, ...args: unknown[]) => {
    if (!assertion) remote.error(`Assertion failed${args.length > 0 ? `: ${text(args)}` : ''}`);
  };
}
