// Node's modules that only some commands need, loaded on first use. Everything in the
// CLI's bundle is initialised when it loads, so a top-level import of these made every
// run pay for them: crypto about 3 ms (hashes for the cache and the report, random
// temporary names), net about 3 ms (`lsp --socket`), fs/promises with readline about
// 2 ms (the server's asynchronous reads). A lint of a few files takes about 150 ms.
import type * as Crypto from 'node:crypto';
import type * as FsPromises from 'node:fs/promises';
import type * as Net from 'node:net';

let crypto: typeof Crypto | undefined;
let fsPromises: typeof FsPromises | undefined;
let net: typeof Net | undefined;

export const nodeCrypto = (): typeof Crypto => (crypto ??= require('node:crypto') as typeof Crypto);
export const nodeFsPromises = (): typeof FsPromises => (fsPromises ??= require('node:fs/promises') as typeof FsPromises);
export const nodeNet = (): typeof Net => (net ??= require('node:net') as typeof Net);
