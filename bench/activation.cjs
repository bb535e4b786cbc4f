#!/usr/bin/env node
// One activation of the extension, timed as VS Code times it: code loading (the
// `require` of the extension's main file) + the `activate` call (until it returns; it
// returns nothing, so there is nothing to wait for after). Run in a fresh process per
// sample by bench/run.mjs; prints {"load": ms, "activate": ms} on stdout.
//
//   node bench/activation.cjs <dist/client.js> [--code-cache <file>]
//
// `vscode` is bench/lib/fake-vscode.cjs. The Node built-ins that VS Code's extension
// host has loaded before any extension (file system, paths, sockets, HTTP for its proxy
// support, crypto, streams) are loaded before the clock starts; child_process is not,
// so its first load counts against us. With --code-cache, the file is compiled with V8
// cached data kept in <file> (made on the first run, used afterwards), as VS Code has kept
// for extension code between starts (not confirmed for current versions); without it,
// every byte is compiled: a first start.
'use strict';
const Module = require('node:module');
const { dirname, resolve } = require('node:path');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const vm = require('node:vm');
const { createVscode } = require('./lib/fake-vscode.cjs');

const args = process.argv.slice(2);
const main = resolve(args[0] ?? 'dist/client.js');
const cacheAt = args.indexOf('--code-cache');
const cacheFile = cacheAt >= 0 ? resolve(args[cacheAt + 1]) : undefined;
const root = resolve(dirname(main), '..');

for (const m of ['fs', 'path', 'os', 'net', 'http', 'https', 'tls', 'crypto', 'url', 'util', 'events', 'stream']) require(m);
const vscode = createVscode();
/** Processes the activation started (the language server), ended before this probe exits. */
const children = [];
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'vscode') return vscode;
  const m = load.call(this, request, ...rest);
  if ((request === 'child_process' || request === 'node:child_process') && !m.benchWrapped) {
    for (const name of ['fork', 'spawn']) {
      const f = m[name];
      m[name] = (...a) => {
        const child = f(...a);
        children.push(child);
        return child;
      };
    }
    m.benchWrapped = true;
  }
  return m;
};

/** require(main), compiled with V8 cached data from/to cacheFile. */
function requireWithCodeCache(file) {
  const cached = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: cached });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(dirname(file));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dirname(file));
  mod.loaded = true;
  return { exports: mod.exports, script, cache: cached ? (script.cachedDataRejected ? 'rejected' : 'used') : 'made' };
}

const context = {
  subscriptions: [],
  extensionPath: root,
  extensionUri: vscode.Uri.file(root),
  asAbsolutePath: (p) => resolve(root, p),
};

const t0 = performance.now();
const loaded = cacheFile ? requireWithCodeCache(main) : { exports: require(main) };
const t1 = performance.now();
loaded.exports.activate(context);
const t2 = performance.now();

if (loaded.script && loaded.cache !== 'used') writeFileSync(cacheFile, loaded.script.createCachedData());
process.stdout.write(JSON.stringify({ load: t1 - t0, activate: t2 - t1, cache: loaded.cache }) + '\n');

// End the language server the activation started (it may still be starting), then leave.
setImmediate(() => {
  for (const c of children) c.kill();
  process.exit(0);
});
