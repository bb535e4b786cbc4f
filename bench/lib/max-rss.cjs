// Preloaded (`node --require`) into a measured process: writes the process's peak
// resident memory (kB, worker threads included) to the file named by HANKE_BENCH_RSS_FILE
// when it exits. Nothing else about the process changes.
'use strict';
const { writeFileSync } = require('node:fs');
const file = process.env.HANKE_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
