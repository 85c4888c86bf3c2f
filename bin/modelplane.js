#!/usr/bin/env node
// The `modelplane` command. Runs the compiled CLI (dist/) when present, else the TypeScript sources
// through tsx (a checkout of the repository without a build).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const compiled = path.join(__dirname, '..', 'dist', 'bin', 'cli.js');
let cli;
if (fs.existsSync(compiled)) {
  cli = require(compiled);
} else {
  require('tsx/cjs');
  cli = require('./cli.ts');
}
cli.main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`modelplane: internal error: ${err && err.stack ? err.stack : err}`);
    process.exit(70);
  },
);
