#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { ConfigError, errorMessage, formatProblem } from '../core/errors.js';
import { EXIT } from './exit-codes.js';
import type { RunFlags } from './run-command.js';
import type { ServeFlags } from './serve-command.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Commands load their modules when they run, so `sluice run` does not pay for the server's. */
function program(): Command {
  const cli = new Command('sluice')
    .description('Run Apache SeaTunnel job configs (HOCON or JSON) on Node.js')
    .version(process.env.npm_package_version ?? '0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  cli
    .command('run')
    .description('run a job locally with embedded state; exits 0 when it FINISHED')
    .argument('<config>', 'job config file (.conf/.hocon, or .json)')
    .option('-i, --variable <key=value>', 'set a ${key} variable (repeatable)', collect, [])
    .option('-n, --name <name>', 'job name (overrides env.job.name)')
    .option('--check', 'validate the config and show the plan without running it')
    .option('--job-id <id>', 'run under this job id (a 64-bit number)')
    .option('-r, --restore <jobId>', 'resume that job from its latest savepoint or checkpoint')
    .option('--data-dir <dir>', 'where checkpoints and savepoints are kept', '.sluice')
    .action(async (config: string, flags: RunFlags) => {
      // The job's first worker thread starts while the config is read and planned.
      if (flags.check !== true) (await import('../engine/worker-slot.js')).prestartWorkers(1);
      const { runCommand } = await import('./run-command.js');
      process.exitCode = await runCommand(config, flags);
    });

  cli
    .command('validate')
    .description('check a config completely and show its plan; exits 2 with every problem when invalid')
    .argument('<config>', 'job config file')
    .option('-i, --variable <key=value>', 'set a ${key} variable (repeatable)', collect, [])
    .action(async (config: string, flags: { variable: string[] }) => {
      const { loadJob, parseVariables } = await import('./load-job.js');
      const { describePlan } = await import('./run-command.js');
      const { plan, warnings } = await loadJob(config, { variables: parseVariables(flags.variable) });
      for (const warning of warnings) process.stderr.write(`warning: ${formatProblem(warning)}\n`);
      process.stdout.write(`${describePlan(plan)}\nConfig file ${config} is valid.\n`);
    });

  for (const direction of ['encrypt', 'decrypt'] as const) {
    cli
      .command(direction)
      .description(`${direction} the sensitive values of a config with its env.shade.identifier`)
      .argument('<config>', 'job config file')
      .option('-o, --output <file>', 'write the result to a file instead of stdout')
      .action(async (config: string, flags: { output?: string }) => {
        const { shadeCommand } = await import('./shade-command.js');
        process.exitCode = await shadeCommand(direction, config, flags.output);
      });
  }

  cli
    .command('plugins')
    .description('list plugins, or show the options of one')
    .argument('[name]', 'plugin name')
    .action(async (name?: string) => {
      const { pluginsCommand } = await import('./plugins-command.js');
      process.exitCode = pluginsCommand(name);
    });

  cli
    .command('docs')
    .description('write the plugin reference (docs/plugins/*.md) from the option specs')
    .argument('[dir]', 'output folder', 'docs/plugins')
    .action(async (dir: string) => {
      const { docsCommand } = await import('./docs-command.js');
      process.exitCode = await docsCommand(dir);
    });

  cli
    .command('serve')
    .description('serve the REST APIs and run submitted jobs; history and checkpoints live in the data directory')
    .option('-c, --config <file>', 'YAML settings (docs/configuration.md)')
    .option('--data-dir <dir>', 'data directory (default .sluice)')
    .option('-p, --port <port>', 'REST port (default 5801; 0 picks a free one)')
    .option('--host <address>', 'bind address (default 127.0.0.1; 0.0.0.0 for every interface)')
    .action(async (flags: ServeFlags) => {
      const { serveCommand } = await import('./serve-command.js');
      process.exitCode = await serveCommand(flags);
    });

  return cli;
}

async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.invalid;
    } else if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = EXIT.invalid;
    } else {
      process.stderr.write(`error: ${errorMessage(error)}\n`);
      if (process.env.SLUICE_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
      process.exitCode = EXIT.failed;
    }
  }
}

// Node reports a closed pipe as an error on the next write; end quietly instead of with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(EXIT.pipeClosed);
});

await main(process.argv);
