/** Injected time source: epoch milliseconds. Tests pass a fixed or stepping clock. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
