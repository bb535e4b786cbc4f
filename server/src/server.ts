// Entry point of the language server bundle (dist/server.js). The transport comes from
// the command line: --stdio, --node-ipc or --socket=<port>. The same bundle is the server's
// analysis worker thread (lsp/analysis-worker.ts) when started as one.
import { isAnalysisWorker, runAnalysisWorker } from './lsp/analysis-worker';
import { startServer } from './lsp/main';

if (isAnalysisWorker()) runAnalysisWorker();
else startServer();
