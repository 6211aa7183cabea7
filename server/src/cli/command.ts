/** What a command receives from the command line. */
export interface CommandArgs {
  positional: string[];
  format: string;
  /** Values of the command's options, by name without dashes. */
  options: Record<string, string>;
  flags: Set<string>;
}

/** One `counterpoint <name>` command; main.ts parses the arguments it declares. */
export interface CliCommand {
  name: string;
  /** Usage lines for --help, without the leading `counterpoint `. */
  usage: string[];
  /** What `counterpoint <name> --help` prints after the usage: the options and exit codes explained. */
  help?: string[];
  /** Allowed --format values; the first is the default. */
  formats?: string[];
  /** Options that take a value (`--out file`). */
  options?: string[];
  /** Options that take none (`--claimreview`). */
  flags?: string[];
  /** How many positional arguments it takes at most. */
  maxPositional: number;
  run(args: CommandArgs): Promise<number>;
}
