/**
 * Set by every outbox insert, read by the database worker after each operation: the worker tells
 * the main side, which nudges sync. No service has to remember to (the encyclopedia's "no result"
 * usage row once sat unsent until the next poll because one did not).
 */
let written = false;

export const markOutboxWritten = (): void => {
  written = true;
};

export const takeOutboxWritten = (): boolean => {
  const was = written;
  written = false;
  return was;
};
