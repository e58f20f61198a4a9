/** Exit statuses of docs/commands.md#exit-codes, mapped in exactly one place: `exitCodeOf`. */
export const ExitCode = {
  ok: 0,
  checkFailed: 1,
  invalidInput: 2,
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * The one error type of swadaya: a stable code, a message for the user, an optional hint on
 * how to fix it, and the exit status it ends the run with.
 */
export class SwadayaError extends Error {
  override readonly name = 'SwadayaError';
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.invalidInput,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Thrown when the user interrupts an interactive session (Ctrl-C). */
export class InterruptedError extends SwadayaError {
  constructor(message = 'Interrupted.') {
    super('interrupted', message, ExitCode.interrupted);
  }
}

export function exitCodeOf(error: unknown): ExitCodeValue {
  if (error instanceof SwadayaError) return error.exitCode;
  if (isCommanderError(error)) return error.exitCode === 0 ? ExitCode.ok : ExitCode.invalidInput;
  return ExitCode.invalidInput;
}

function isCommanderError(error: unknown): error is { exitCode: number; code: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    (error as { code: string }).code.startsWith('commander.') &&
    typeof (error as { exitCode?: unknown }).exitCode === 'number'
  );
}
