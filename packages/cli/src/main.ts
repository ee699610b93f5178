// Entry point of `yarn unyo` (tsx) and of bin/unyo in the source tree.
import { main } from './commands/runCli';

main().catch(error => {
  process.stderr.write(`unyo: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
