// counterpoint: the command line over the core. Each command is a file; this one parses and dispatches.
import { checkCommand } from './check';
import type { CliCommand, CommandArgs } from './command';
import { exportCommand } from './export';
import { importCommand } from './import';
import { initCommand } from './init';
import { reportCommand } from './report';
import { UsageError } from './workspace';
import { COUNTERPOINT_VERSION } from '../../../shared/src/version';

const COMMANDS: CliCommand[] = [initCommand, checkCommand, reportCommand, exportCommand, importCommand];

function usage(): string {
  return [
    'Usage:',
    ...COMMANDS.flatMap((command) => command.usage.map((line) => `  counterpoint ${line}`)),
    '  counterpoint <command> --help | --help | --version',
    '',
    'The folder defaults to the current one. Its counterpoint.yaml, if any, sets the folders,',
    "the perspectives and the rules' severities.",
  ].join('\n');
}

function parseArgs(argv: string[]): { command: CliCommand; args: CommandArgs } | string {
  const [name, ...rest] = argv;
  if (!name) return `Missing command: ${COMMANDS.map((c) => c.name).join(', ')}.`;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return `Unknown command ${name}.`;
  const args: CommandArgs = { positional: [], format: command.formats?.[0] ?? 'text', options: {}, flags: new Set() };
  const valued = new Set(['format', ...(command.options ?? [])]);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      args.positional.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (valued.has(key)) {
      const value = inline ?? rest[++i];
      if (value === undefined || value === '') return `--${key} needs a value.`;
      if (key === 'format') args.format = value;
      else args.options[key] = value;
    } else if (command.flags?.includes(key) && inline === undefined) {
      args.flags.add(key);
    } else {
      return `Unknown option ${arg} for ${name}.`;
    }
  }
  if (args.positional.length > command.maxPositional) return `Unexpected argument ${args.positional[command.maxPositional]}.`;
  if (command.formats && !command.formats.includes(args.format)) return `--format must be one of ${command.formats.join(', ')} for ${name}.`;
  return { command, args };
}

/** `counterpoint <command> --help`: the command's usage, then what its options do. */
function commandHelp(command: CliCommand): string {
  return [
    'Usage:',
    ...command.usage.map((line) => `  counterpoint ${line}`),
    ...(command.help ? ['', ...command.help] : []),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const wantsHelp = argv.includes('--help') || argv.includes('-h') || argv[0] === 'help';
  if (wantsHelp) {
    const name = argv[0] === 'help' ? argv[1] : argv[0];
    const command = COMMANDS.find((c) => c.name === name);
    process.stdout.write(`${command ? commandHelp(command) : usage()}\n`);
    return 0;
  }
  if (argv.includes('--version')) {
    process.stdout.write(`counterpoint ${COUNTERPOINT_VERSION}\n`);
    return 0;
  }
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    process.stderr.write(`counterpoint: ${parsed}\n\n${usage()}\n`);
    return 2;
  }
  try {
    return await parsed.command.run(parsed.args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`counterpoint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`counterpoint: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
