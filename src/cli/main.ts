#!/usr/bin/env node
/// <reference types="node" />
/**
 * `miniapps <command>`: the package's command line. Each command lives in its own module and is
 * loaded only when asked for, so `miniapps pack` never loads the server.
 */

interface Command {
  summary: string;
  /** Runs the command with the arguments after its name; resolves to the process exit code. */
  load(): Promise<{ run(args: string[]): Promise<number> }>;
}

const COMMANDS: Record<string, Command> = {
  pack: { summary: 'check a built mini-app folder and its manifest, and write a .zip for moderation', load: () => import('./pack.ts') },
  dev: { summary: 'open a running mini-app inside a local host with a mock user, switches and the integration log', load: () => import('./dev.ts') },
  serve: { summary: 'run the host backend as an HTTP server (PGlite by default, PostgreSQL with DATABASE_URL)', load: () => import('./serve.ts') },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return ['Usage: miniapps <command> [options]', '', 'Commands:', ...lines, '', 'Run "miniapps <command> --help" for the options of one command.'].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name === undefined ? 1 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`miniapps: unknown command "${name.slice(0, 40)}"\n\n${usage()}`);
    return 1;
  }
  const module = await command.load();
  return module.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`miniapps: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
