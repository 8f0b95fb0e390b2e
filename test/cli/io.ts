/** Running the CLIs in-process: captured streams. */

/** Captured output of one in-process run. */
export interface CapturedIo {
  readonly stdout: { write(text: string): boolean };
  readonly stderr: { write(text: string): boolean };
  out(): string;
  err(): string;
}

export function captureIo(): CapturedIo {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => ((out += text), true) },
    stderr: { write: (text: string) => ((err += text), true) },
    out: () => out,
    err: () => err,
  };
}
