import type { ErrorCode, FieldProblem } from '../../preload/contract';

/** An expected failure a handler reports to the renderer with its own code and message. */
export class DeskFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: readonly FieldProblem[],
  ) {
    super(message);
    this.name = 'DeskFailure';
  }
}
