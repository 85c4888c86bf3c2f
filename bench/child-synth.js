// Runs the real `modelplane` command in this (child) process and reports its peak resident memory on exit,
// so that the platform benchmark measures each run's own peak, isolated from the benchmark process.
'use strict';
process.on('exit', () => {
  process.stderr.write(`MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
process.argv = [process.argv[0], 'modelplane', ...process.argv.slice(2)];
require('../bin/modelplane.js');
