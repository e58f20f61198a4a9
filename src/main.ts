import { runCli } from './cli.js';
import { earlyLanguage, guardOutputStreams } from './io/output-errors.js';

// A reader that closes the pipe early (`swadaya score … | head`) is not an error; a full disk is (exit 2).
guardOutputStreams(process, earlyLanguage(process.argv.slice(2), process.env));

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // Read only by a command given `-` or an interview: creating process.stdin loads a stream class at every start.
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  cwd: process.cwd(),
});
