import { parseArgs } from 'node:util';
import { isModelplaneError } from '../lib/errors';
import { COMMANDS, CommandContext, usage } from './commands';

/** Exit codes: 0 success; 1 invalid spec, no feasible placement or breaking change; 2 usage, file or parse error. */
export const EXIT = { OK: 0, INVALID: 1, USAGE: 2 } as const;

/**
 * Runs the CLI with the given arguments and returns the exit code. Never throws for user input: every
 * ModelplaneError is printed (problems on stderr) and turned into an exit code.
 */
export async function main(argv: readonly string[], io: CommandContext['io'] = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage());
    return name === undefined ? EXIT.USAGE : EXIT.OK;
  }
  if (name === '--version' || name === 'version') {
    io.out(require('../package.json').version as string);
    return EXIT.OK;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.err(`modelplane: unknown command ${JSON.stringify(name)}\n\n${usage()}`);
    return EXIT.USAGE;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
  } catch (e) {
    io.err(`modelplane ${name}: ${(e as Error).message}\n\n${command.usage}`);
    return EXIT.USAGE;
  }
  if (parsed.positionals.length !== command.positionals.length) {
    io.err(`modelplane ${name}: expected ${command.positionals.length === 0 ? 'no arguments' : command.positionals.join(' ')}\n\n${command.usage}`);
    return EXIT.USAGE;
  }
  try {
    return await command.run({ positionals: parsed.positionals, flags: parsed.values as Record<string, string | boolean | undefined>, io });
  } catch (e) {
    if (isModelplaneError(e)) {
      io.err(e.message);
      const fileProblem = e.problems.some((p) => p.code === 'MP_FILE_NOT_FOUND' || p.code === 'MP_PARSE_ERROR');
      return fileProblem ? EXIT.USAGE : EXIT.INVALID;
    }
    throw e;
  }
}

function defaultIo(): CommandContext['io'] {
  return {
    out: (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text: string) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    progress: (text: string) => {
      if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${text}`);
      else process.stderr.write(`${text}\n`);
    },
  };
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
