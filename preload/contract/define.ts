import type { z } from 'zod';
import type { Result } from './result';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly summary: string;
}

export type NamespaceSpec = Readonly<Record<string, MethodSpec>>;
export type ContractSpec = Readonly<Record<string, NamespaceSpec>>;
export type EventsSpec = Readonly<Record<string, z.ZodType>>;

export const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> => spec;

type Call<S extends MethodSpec> =
  z.input<S['input']> extends undefined
    ? () => Promise<Result<z.output<S['output']>>>
    : (input: z.input<S['input']>) => Promise<Result<z.output<S['output']>>>;

export type Unsubscribe = () => void;

/** What the renderer sees as `window.desk`: one async function per contract method, plus `on`. */
export type DeskApiOf<C extends ContractSpec, E extends EventsSpec> = {
  readonly [N in keyof C]: { readonly [M in keyof C[N]]: Call<C[N][M]> };
} & {
  readonly on: <K extends keyof E & string>(event: K, listener: (payload: z.output<E[K]>) => void) => Unsubscribe;
};

/** Who is calling: checked by the transport before the dispatcher sees the call. */
export interface CallContext {
  readonly transport: 'electron' | 'browser-shell' | 'test';
  readonly origin: string;
}

/**
 * Main-side implementation of one namespace. Handlers receive parsed input and may return the
 * output un-normalised (z.input); the dispatcher parses it through the output schema.
 */
export type NamespaceHandlers<NS extends NamespaceSpec> = {
  readonly [M in keyof NS]: (
    input: z.output<NS[M]['input']>,
    context: CallContext,
  ) => Promise<z.input<NS[M]['output']>> | z.input<NS[M]['output']>;
};

export type HandlersOf<C extends ContractSpec> = { readonly [N in keyof C]: NamespaceHandlers<C[N]> };

export type MethodPath<C extends ContractSpec> = {
  [N in keyof C & string]: `${N}.${keyof C[N] & string}`;
}[keyof C & string];
