#!/usr/bin/env node
// The report test opens report.html in a real headless browser: Debian's chromium, never a downloaded
// one. Installs it with apt-get when it is missing and we may (root with apt-get); otherwise says how.
'use strict';
const { existsSync } = require('node:fs');
const { execSync } = require('node:child_process');

const CHROMIUM = process.env.MODELPLANE_CHROMIUM || '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let hasApt = false;
try {
  execSync('command -v apt-get', { stdio: 'ignore', shell: '/bin/sh' });
  hasApt = true;
} catch {}
if (isRoot && hasApt) {
  console.error('modelplane: installing Debian chromium for the browser test (apt-get)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null', { stdio: 'inherit', shell: '/bin/sh' });
  process.exit(0);
}
console.error(`modelplane: ${CHROMIUM} not found; the browser test will fail. Install it: sudo apt-get install chromium (or set MODELPLANE_CHROMIUM).`);
