/**
 * Long reads (verify, export) walk up to millions of rows, and hashing or
 * formatting each one costs CPU. `pause()` gives the event loop a turn once
 * `sliceMs` have passed since the last turn, so a liveness probe or a receipt
 * waits at most about one slice, whatever the size of the table.
 */
export function timeSlicer(sliceMs = 8): { pause(): Promise<void> | undefined } {
  let since = performance.now();
  return {
    pause() {
      if (performance.now() - since < sliceMs) return undefined;
      return new Promise<void>((resolve) =>
        setImmediate(() => {
          since = performance.now();
          resolve();
        }),
      );
    },
  };
}
