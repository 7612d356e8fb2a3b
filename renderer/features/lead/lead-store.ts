import { create } from 'zustand';
import type { WallboardDelta, WallboardView } from '../../../preload/contract';
import { desk } from '../../shared/desk/desk-client';
import { markWallboardDelta } from '../../shared/perf-marks';
import { type GridSortKey } from './domain/agent-grid';
import { type LiveWallboard, applyWallboardDelta } from './domain/wallboard-state';

export interface LeadState {
  readonly access: WallboardView['access'];
  readonly board: LiveWallboard | null;
  readonly definitions: Readonly<Record<string, string>>;
  readonly error: string | null;
  /** Which side the lead looks at: their own desk, or the hall. */
  readonly tab: 'desk' | 'hall';
  readonly sort: GridSortKey;
  readonly filter: string;
  /** When the last delta arrived and was painted from (performance marks read it). */
  readonly lastDeltaAt: number | null;
  /** The help request whose answer is on its way, and why the last one failed. */
  readonly helpAnswering: string | null;
  readonly helpError: string | null;
}

export const useLeadStore = create<LeadState>()(() => ({
  access: { role: null, team: null },
  board: null,
  definitions: {},
  error: null,
  tab: 'desk',
  sort: 'alerts',
  filter: '',
  lastDeltaAt: null,
  helpAnswering: null,
  helpError: null,
}));
const set = useLeadStore.setState;
const get = useLeadStore.getState;

export const selectIsLead = (state: LeadState): boolean => state.access.role === 'lead' || state.access.role === 'admin';

let loading: Promise<void> | null = null;
/** The snapshot again: after sign-in, after a reconnect, and whenever a delta shows one was missed. */
export const wallboardRequested = (): Promise<void> =>
  (loading ??= (async () => {
    try {
      const result = await desk().lead.wallboard();
      if (!result.ok) {
        set({ error: result.error.message });
        return;
      }
      const { access, snapshot, error, definitions } = result.value;
      set({ access, board: snapshot, error, definitions });
      if (!(access.role === 'lead' || access.role === 'admin')) set({ tab: 'desk' });
    } finally {
      loading = null;
    }
  })());

export const wallboardDeltaReceived = (delta: WallboardDelta): void => {
  const { board } = get();
  if (!board) return void wallboardRequested();
  const next = applyWallboardDelta(board, delta);
  if (next === 'stale') return;
  if (next === 'gap') return void wallboardRequested();
  set({ board: next, lastDeltaAt: Date.now() });
  markWallboardDelta();
};

export const leadTabChosen = (tab: LeadState['tab']): void => set({ tab });
export const gridSorted = (sort: GridSortKey): void => set({ sort });
export const gridFiltered = (filter: string): void => set({ filter });

/** 已收到 / 已处理: the platform's delta moves the request in the list (no local guess). */
export const helpAnswered = async (id: string, action: 'acknowledge' | 'resolve'): Promise<void> => {
  set({ helpAnswering: id, helpError: null });
  try {
    const result = await desk().lead.answerHelp({ id, action });
    const error = result.ok ? result.value.error : result.error.message;
    if (error) set({ helpError: error });
  } finally {
    set({ helpAnswering: null });
  }
};

/** Raised hands not answered yet: the 班长台 tab shows their number while the lead is at the desk. */
export const selectUnansweredHelp = (state: LeadState): number =>
  state.board?.help.filter((request) => request.status === 'raised').length ?? 0;
