import { join, resolve } from 'node:path';
import { loadNodeConfig } from '../api/node-config.js';
import { createServer } from '../api/server.js';
import { Coordinator } from '../engine/coordinator.js';
import { FileCheckpointStore } from '../state/file-checkpoint-store.js';
import { FileJobHistoryStore } from '../state/file-job-history-store.js';

export interface ServeFlags {
  config?: string;
  dataDir?: string;
  port?: string;
  host?: string;
}

/**
 * `sluice serve`: the REST APIs on one port (5801 by default, the next free one when taken), jobs
 * on worker threads, history and checkpoints in the data directory. SIGTERM or SIGINT stops running
 * jobs (with a savepoint when they can be resumed), writes the history, and exits 0; a second
 * signal exits at once.
 */
export async function serveCommand(flags: ServeFlags): Promise<number> {
  const { config, warnings } = await loadNodeConfig(flags.config);
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  if (flags.dataDir !== undefined) config.dataDir = flags.dataDir;
  if (flags.host !== undefined) config.server.bindAddress = flags.host;
  if (flags.port !== undefined) {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number (0 picks a free one), got ${flags.port}`);
    config.server.port = port;
  }
  const dataDir = resolve(config.dataDir);
  const warn = (message: string): void => {
    process.stderr.write(`warning: ${message}\n`);
  };
  const coordinator = await Coordinator.open({
    history: new FileJobHistoryStore(dataDir),
    checkpointStore: new FileCheckpointStore(dataDir, warn),
    logDir: join(dataDir, 'logs'),
    slots: config.slots,
    scheduleStrategy: config.scheduleStrategy,
    historyExpireMinutes: config.historyExpireMinutes,
    onWarning: warn,
  });
  const server = await createServer(coordinator, config.server, process.env.npm_package_version ?? '0.1.0');
  let url: string;
  try {
    url = await server.listen();
  } catch (error) {
    await coordinator.close({ savepoint: true });
    await server.close();
    throw error;
  }
  process.stdout.write(`Sluice REST API and dashboard on ${url} (data in ${dataDir})\n`);

  return new Promise((done) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) process.exit(130);
      stopping = true;
      process.stdout.write(`${signal}: stopping jobs (with a savepoint where they can resume) and writing the job history\n`);
      void (async () => {
        await server.close();
        await coordinator.close({ savepoint: true });
        process.stdout.write('Sluice stopped\n');
        done(0);
      })();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
