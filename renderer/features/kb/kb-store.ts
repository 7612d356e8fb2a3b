import { create } from 'zustand';
import type { KbEntryDetail, KbHit, KbImportProgress, KbImportReport, KbLearnedAlias } from '../../../preload/contract';
import { desk, deskTransport, uploadKbFileToShell } from '../../shared/desk/desk-client';
import { markKeystroke } from '../../shared/perf-marks';

export interface Citation {
  readonly entryId: string;
  readonly title: string;
  readonly answer: string;
  readonly at: number;
}

export interface KbState {
  readonly entries: number | null;
  readonly departments: readonly string[];
  readonly query: string;
  readonly kind: 'info' | 'qa' | null;
  readonly department: string | null;
  readonly callerRegion: string | null;
  readonly hits: readonly KbHit[];
  readonly searching: boolean;
  readonly searchedQuery: string;
  readonly selected: number;
  /** The entry the agent moved to, and the query in the box when they did. */
  readonly picked: { readonly query: string; readonly id: string } | null;
  readonly detail: KbEntryDetail | null;
  readonly related: readonly KbHit[];
  readonly citation: Citation | null;
  readonly importing: KbImportProgress | null;
  readonly importReport: KbImportReport | null;
  readonly importError: string | null;
  readonly error: string | null;
  /** For editors: what citations taught the search, and the week's searches that found nothing. */
  readonly learning: {
    readonly aliases: readonly KbLearnedAlias[];
    readonly unanswered: readonly { readonly query: string; readonly count: number }[];
  } | null;
  readonly learningError: string | null;
}

const initial: KbState = {
  entries: null,
  departments: [],
  query: '',
  kind: null,
  department: null,
  callerRegion: null,
  hits: [],
  searching: false,
  searchedQuery: '',
  selected: 0,
  picked: null,
  detail: null,
  related: [],
  citation: null,
  importing: null,
  importReport: null,
  importError: null,
  error: null,
  learning: null,
  learningError: null,
};

export const useKbStore = create<KbState>()(() => initial);
const set = useKbStore.setState;
const get = useKbStore.getState;

// Queries take a few milliseconds: a short debounce only merges keystrokes that arrive together.
const DEBOUNCE_MS = 30;
const SETTLED_MS = 1500;
let searchTimer: ReturnType<typeof setTimeout> | null = null;
let settleTimer: ReturnType<typeof setTimeout> | null = null;
/** Only the newest search may paint: an answer to an older keystroke is dropped (cancellation). */
let searchSequence = 0;

export const kbStarted = async (): Promise<void> => {
  const status = await desk().kb.status();
  if (status.ok) set({ entries: status.value.entries, departments: status.value.departments });
};

const search = async (settled: boolean): Promise<void> => {
  const { query, kind, department, callerRegion } = get();
  const sequence = ++searchSequence;
  if (query.trim() === '') {
    set({ hits: [], searching: false, searchedQuery: '', selected: 0 });
    return;
  }
  set({ searching: true });
  const result = await desk().kb.search({ query, kind, department, callerRegion, settled });
  if (sequence !== searchSequence) return;
  if (result.ok) {
    // A later answer to the same question (the settled search, or the answer to the last keystroke
    // arriving after ↓ was pressed on the previous one's list) must not move what the agent picked.
    const { hits: shown, selected, searchedQuery, picked } = get();
    const keptId = picked?.query === query ? picked.id : searchedQuery === query ? shown[selected]?.id : undefined;
    const kept = keptId === undefined ? -1 : result.value.hits.findIndex((hit) => hit.id === keptId);
    set({ hits: result.value.hits, searching: false, searchedQuery: query, selected: Math.max(0, kept), error: null });
  } else set({ searching: false, error: result.error.message });
};

const schedule = (): void => {
  if (searchTimer) clearTimeout(searchTimer);
  if (settleTimer) clearTimeout(settleTimer);
  searchTimer = setTimeout(() => void search(false), DEBOUNCE_MS);
  settleTimer = setTimeout(() => void search(true), SETTLED_MS);
};

/** Typing never waits for the search: the input updates at once, the search follows. */
export const queryTyped = (query: string): void => {
  markKeystroke();
  // A pick belongs to the query it was made on: typing on starts over at the top.
  set({ query, picked: null });
  schedule();
};

export const filterChanged = (filter: { kind?: KbState['kind']; department?: string | null }): void => {
  set(filter);
  schedule();
};

export const callerRegionKnown = (callerRegion: string | null): void => {
  set({ callerRegion });
  if (get().query.trim() !== '') schedule();
};

export const selectionMoved = (delta: number): void => {
  const { hits, selected, query } = get();
  if (hits.length === 0) return;
  const next = Math.max(0, Math.min(hits.length - 1, selected + delta));
  set({ selected: next, picked: { query, id: hits[next]!.id } });
};

export const entryOpened = async (id: string): Promise<void> => {
  const result = await desk().kb.entry({ id });
  if (result.ok) set({ detail: result.value });
  else set({ error: result.error.message });
};

export const entryClosed = (): void => set({ detail: null });

export const answerCited = async (id: string, draftId: string | null): Promise<void> => {
  // A citation from the search list teaches the search what these words mean; one from the
  // related list answers no query.
  const { hits, searchedQuery, callerRegion } = get();
  const query = hits.some((hit) => hit.id === id) && searchedQuery.trim() !== '' ? searchedQuery : null;
  const result = await desk().kb.cite({ id, draftId, query, callerRegion });
  if (result.ok)
    set({ citation: { entryId: id, title: result.value.title, answer: result.value.answer, at: Date.now() }, detail: null });
  else set({ error: result.error.message });
};

let relatedSequence = 0;
/** The order being typed changed: propose entries about its category and subject. */
export const orderContextChanged = async (context: { categoryName: string; text: string }): Promise<void> => {
  const sequence = ++relatedSequence;
  if (context.categoryName === '' && context.text.trim() === '') {
    set({ related: [] });
    return;
  }
  const result = await desk().kb.related({ ...context, callerRegion: get().callerRegion });
  if (sequence === relatedSequence && result.ok) set({ related: result.value.hits });
};

export const importProgressed = (progress: KbImportProgress): void => set({ importing: progress.done ? null : progress });

/** Electron: main's file dialog (file null). Browser shell: the file the agent picked in the page. */
export const importChosen = async (file: File | null): Promise<void> => {
  const viaDialog = deskTransport() === 'electron';
  if (!viaDialog && !file) return;
  set({
    importReport: null,
    importError: null,
    importing: {
      file: file?.name ?? '',
      bytesRead: 0,
      bytesTotal: Math.max(file?.size ?? 1, 1),
      entries: 0,
      rejected: 0,
      done: false,
    },
  });
  const result = viaDialog ? await desk().kb.chooseImportFile() : await uploadKbFileToShell(file!);
  set({ importing: null });
  if (result.ok) {
    if (result.value === null) return;
    set({ importReport: result.value });
    await kbStarted();
  } else set({ importError: result.error.message });
};

export const learningOpened = async (): Promise<void> => {
  const result = await desk().kb.learning();
  if (result.ok) set({ learning: result.value, learningError: null });
  else set({ learningError: result.error.message });
};

export const learningClosed = (): void => set({ learning: null, learningError: null });

export const aliasRemoved = async (alias: Pick<KbLearnedAlias, 'queryKey' | 'entryId' | 'regionCode'>): Promise<void> => {
  const result = await desk().kb.removeAlias({ queryKey: alias.queryKey, entryId: alias.entryId, regionCode: alias.regionCode });
  if (!result.ok) {
    set({ learningError: result.error.message });
    return;
  }
  await learningOpened();
  // The list on screen may have been ordered by the alias just removed.
  if (get().query.trim() !== '') schedule();
};
