import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Diagnostic {
  readonly message: string;
  readonly severity: number;
  readonly range: { readonly start: { readonly line: number; readonly character: number } };
}

/**
 * The YAML language server from npm, driven over stdio with LSP JSON-RPC as an editor would:
 * initialize with a workspace folder, hand it the `yaml.*` settings (what VS Code reads from
 * .vscode/settings.json), open documents and collect the diagnostics it publishes.
 */
export class YamlLanguageServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  private readonly diagnosticWaiters = new Map<string, (diagnostics: Diagnostic[]) => void>();
  private settings: Record<string, unknown> = {};

  private constructor(private readonly root: string) {
    const require = createRequire(import.meta.url);
    const main = join(dirname(require.resolve('yaml-language-server/package.json')), 'bin', 'yaml-language-server');
    this.child = spawn(process.execPath, [main, '--stdio'], { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  /** Starts a server on the workspace `root` with the given `yaml` settings (e.g. `{ schemas: {...} }`). */
  static async start(root: string, yamlSettings: Record<string, unknown>): Promise<YamlLanguageServer> {
    const server = new YamlLanguageServer(root);
    server.settings = { validate: true, completion: true, hover: true, schemaStore: { enable: false }, ...yamlSettings };
    const rootUri = pathToFileURL(root).href;
    await server.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: {} } },
    });
    server.notify('initialized', {});
    server.notify('workspace/didChangeConfiguration', { settings: { yaml: server.settings } });
    return server;
  }

  /** Opens `file` (a path under the root) with `text`, and resolves with the diagnostics published for it. */
  diagnose(file: string, text: string, version = 1): Promise<Diagnostic[]> {
    const uri = pathToFileURL(file).href;
    const published = new Promise<Diagnostic[]>((resolve) => this.diagnosticWaiters.set(uri, resolve));
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    return published;
  }

  async stop(): Promise<void> {
    await Promise.race([this.request('shutdown', null), new Promise((resolve) => setTimeout(resolve, 2000))]);
    this.notify('exit', null);
    this.child.kill();
  }

  get workspace(): string {
    return this.root;
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve) => this.pending.set(id, resolve));
  }

  private notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  private send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as {
        id?: number; method?: string; params?: { uri?: string; diagnostics?: Diagnostic[]; items?: { section?: string }[] }; result?: unknown;
      };
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(message);
    }
  }

  private handle(message: { id?: number; method?: string; params?: { uri?: string; diagnostics?: Diagnostic[]; items?: { section?: string }[] }; result?: unknown }): void {
    if (message.method === undefined && message.id !== undefined) {
      this.pending.get(message.id)?.(message.result);
      this.pending.delete(message.id);
    } else if (message.method === 'textDocument/publishDiagnostics' && message.params?.uri) {
      const waiter = this.diagnosticWaiters.get(message.params.uri);
      this.diagnosticWaiters.delete(message.params.uri);
      waiter?.(message.params.diagnostics ?? []);
    } else if (message.method === 'workspace/configuration' && message.id !== undefined) {
      // The server asks for sections (yaml, http, [yaml], editor): only `yaml` is ours.
      const result = (message.params?.items ?? []).map((item) => (item.section === 'yaml' ? this.settings : null));
      this.send({ jsonrpc: '2.0', id: message.id, result });
    } else if (message.id !== undefined && message.method !== undefined) {
      this.send({ jsonrpc: '2.0', id: message.id, result: null }); // client/registerCapability and the like
    }
  }
}
