// Entry point of the language server bundle (dist/server.js). The transport comes from
// the command line: --stdio, --node-ipc or --socket=<port>.
import { startServer } from './lsp/main';

startServer();
