import { create } from 'zustand';
import type {
  DuplicateCandidate,
  FieldProblem,
  IntakeDraft,
  IntakeForm,
  IntakePreview,
  ReferenceData,
} from '../../../preload/contract';
import { desk } from '../../shared/desk/desk-client';
import { t } from '../../shared/i18n/t';
import { createAutosave } from './domain/autosave';
import { type AutoFilled, type FormField, isAgentEdited } from './domain/form-defaults';

export interface IntakeState {
  readonly reference: ReferenceData | null;
  readonly draft: IntakeDraft | null;
  readonly save: {
    readonly status: 'idle' | 'pending' | 'saving' | 'saved' | 'error';
    readonly savedAt: string | null;
    readonly error: string | null;
  };
  readonly preview: IntakePreview | null;
  readonly duplicateOf: DuplicateCandidate | null;
  readonly submitting: boolean;
  readonly submitErrors: readonly FieldProblem[];
  readonly submitMessage: string | null;
  readonly submitted: {
    readonly workOrderId: string;
    readonly number: string;
    readonly provisional: boolean;
    readonly deadlineAt: string | null;
  } | null;
  readonly loadError: string | null;
  /** What the console filled into the open draft by itself (not the agent's work). */
  readonly autoFilled: AutoFilled;
  /**
   * A call rang while the open draft held the agent's work for another call: that draft is kept,
   * and a draft of the new call's own is offered (never the new caller written into the old draft).
   */
  readonly waitingCall: string | null;
  /** The last encyclopedia citation, shown with its title and undoable (it switched the order to 直接办结). */
  readonly cited: {
    readonly title: string;
    readonly before: Pick<IntakeForm, 'handlingMode' | 'reply' | 'citedEntryId'>;
  } | null;
}

const initial: IntakeState = {
  reference: null,
  draft: null,
  save: { status: 'idle', savedAt: null, error: null },
  preview: null,
  duplicateOf: null,
  submitting: false,
  submitErrors: [],
  submitMessage: null,
  submitted: null,
  loadError: null,
  autoFilled: {},
  waitingCall: null,
  cited: null,
};

/** Filled in for a call before or after its draft opens: the ring, the screen-pop and the draft race. */
const prefillByCall = new Map<string, AutoFilled>();

export const useIntakeStore = create<IntakeState>()(() => initial);
const set = useIntakeStore.setState;
const get = useIntakeStore.getState;

let savedRevision = 0;
/** The last submit failed for a full disk: a save that works again says the agent can submit now. */
let diskWasFull = false;

const saveNow = async (): Promise<void> => {
  const draft = get().draft;
  if (!draft || draft.revision <= savedRevision) return;
  const revision = draft.revision;
  set({ save: { ...get().save, status: 'saving' } });
  const result = await desk().intake.saveDraft({ id: draft.id, revision, form: draft.form });
  if (get().draft?.id !== draft.id) return;
  if (result.ok) {
    savedRevision = Math.max(savedRevision, result.value.revision);
    // "Saved" only when nothing typed since is waiting: the agent (and the tests) may rely on it.
    const caughtUp = (get().draft?.revision ?? 0) <= savedRevision;
    set({ save: { status: caughtUp ? 'saved' : 'pending', savedAt: result.value.savedAt, error: null } });
    if (diskWasFull) {
      diskWasFull = false;
      set({ submitMessage: t('intake.diskBack') });
    }
  } else {
    set({ save: { status: 'error', savedAt: get().save.savedAt, error: result.error.message } });
    retrySaveSoon();
  }
};

/** A failed save (a full disk, the shell restarting) is tried again on its own: the agent may not type again for minutes. */
const SAVE_RETRY_MS = 3000;
let saveRetry: ReturnType<typeof setTimeout> | null = null;
const retrySaveSoon = (): void => {
  if (saveRetry !== null) return;
  saveRetry = setTimeout(() => {
    saveRetry = null;
    if (get().save.status === 'error') void saveNow();
  }, SAVE_RETRY_MS);
};

const refreshPreview = async (): Promise<void> => {
  const draft = get().draft;
  if (!draft) return;
  const result = await desk().intake.preview({ form: draft.form });
  if (result.ok && get().draft?.id === draft.id) set({ preview: result.value });
};

// Every change reaches SQLite within a second; the preview (checklist, deadline, duplicates) follows typing closely.
const autosave = createAutosave(() => void saveNow(), { debounceMs: 300, maxWaitMs: 800 });
const previewSoon = createAutosave(() => void refreshPreview(), { debounceMs: 150, maxWaitMs: 600 });

const draftOpened = (draft: IntakeDraft): void => {
  savedRevision = draft.revision;
  set({
    draft,
    autoFilled: {},
    cited: null,
    waitingCall: get().waitingCall === draft.callRef ? null : get().waitingCall,
    preview: null,
    duplicateOf: null,
    submitErrors: [],
    submitMessage: null,
    save: { status: draft.revision > 0 ? 'saved' : 'idle', savedAt: draft.updatedAt, error: null },
  });
  const prefill = draft.callRef ? prefillByCall.get(draft.callRef) : undefined;
  if (prefill) applyPrefill(prefill);
  void refreshPreview();
};

/** Fills only what is still empty, and remembers it as the console's, not the agent's. */
const applyPrefill = (prefill: AutoFilled): void => {
  const draft = get().draft;
  if (!draft) return;
  if (prefill.contactNumber !== undefined && draft.form.contactNumber === '') {
    fieldEdited('contactNumber', prefill.contactNumber);
    set({ autoFilled: { ...get().autoFilled, contactNumber: prefill.contactNumber } });
  }
  if (prefill.confidential && !get().draft!.form.confidential) {
    fieldEdited('confidential', true);
    set({ autoFilled: { ...get().autoFilled, confidential: true } });
  }
};

const prefillForCall = (callRef: string, prefill: AutoFilled): void => {
  prefillByCall.set(callRef, { ...prefillByCall.get(callRef), ...prefill });
  // Only a few calls matter at a time (ringing, just ended): the oldest are forgotten.
  if (prefillByCall.size > 20) prefillByCall.delete(prefillByCall.keys().next().value!);
  if (get().draft?.callRef === callRef) applyPrefill(prefill);
};

const openDraft = async (callRef: string | null, fresh: boolean): Promise<void> => {
  autosave.flush();
  const result = await desk().intake.openDraft({ callRef, fresh });
  if (result.ok) draftOpened(result.value);
  else set({ loadError: result.error.message });
};

/** At start: reference data for the pickers, and the draft left open last time, exactly as it was. */
export const intakeStarted = async (): Promise<void> => {
  const reference = await desk().intake.referenceData();
  if (!reference.ok) {
    set({ loadError: reference.error.message });
    return;
  }
  set({ reference: reference.value });
  await openDraft(null, false);
};

/**
 * A call rang: its own draft. A draft holding the agent's work for another call stays on screen
 * (their work is never swapped away) and the new call's draft is offered beside it.
 */
export const callLinked = async (callRef: string): Promise<void> => {
  const { draft, autoFilled } = get();
  if (draft?.callRef === callRef) return;
  if (draft && isAgentEdited(draft.form, autoFilled)) {
    set({ waitingCall: callRef });
    return;
  }
  set({ submitted: null });
  await openDraft(callRef, false);
};

/** The agent takes up the offered draft of the call that rang while they were finishing another. */
export const waitingCallTaken = async (): Promise<void> => {
  const callRef = get().waitingCall;
  if (!callRef) return;
  set({ submitted: null });
  await openDraft(callRef, false);
};

/**
 * The agent opened the draft of an internet request they took: it replaces the form on screen (the
 * one there is saved and stays with its call). A call that rings meanwhile is offered beside it.
 */
export const requestDraftOpened = async (callRef: string): Promise<void> => {
  if (get().draft?.callRef === callRef) return;
  set({ submitted: null });
  await openDraft(callRef, false);
};

export const newOrderRequested = async (): Promise<void> => {
  set({ submitted: null });
  await openDraft(null, true);
};

export const fieldEdited = <K extends FormField>(field: K, value: IntakeForm[K]): void => {
  const draft = get().draft;
  if (!draft) return;
  set({
    draft: { ...draft, form: { ...draft.form, [field]: value }, revision: draft.revision + 1 },
    submitErrors: get().submitErrors.filter((problem) => problem.field !== field),
    submitted: null,
    save: get().save.status === 'saving' ? get().save : { ...get().save, status: 'pending' },
  });
  autosave.changed();
  previewSoon.changed();
};

/** Pre-fills the contact number of that call's draft (only), when the agent has not typed one. */
export const callerNumberKnown = (callRef: string, number: string): void => prefillForCall(callRef, { contactNumber: number });

/** The caller asked the network to withhold the number: that call's order is confidential unless the agent says otherwise. */
export const callerAskedForPrivacy = (callRef: string): void => prefillForCall(callRef, { confidential: true });

export const duplicateChosen = (candidate: DuplicateCandidate | null): void => set({ duplicateOf: candidate });

export const submitRequested = async (): Promise<void> => {
  const { draft, submitting, duplicateOf } = get();
  if (!draft || submitting) return;
  autosave.flush();
  set({ submitting: true, submitMessage: null });
  try {
    const result = await desk().intake.submit({ draftId: draft.id, form: draft.form, duplicateOf: duplicateOf?.id ?? null });
    if (!result.ok) {
      set({ submitErrors: result.error.fields ?? [], submitMessage: result.error.message });
      diskWasFull = result.error.code === 'DISK_FULL';
      return;
    }
    const submitted = {
      workOrderId: result.value.workOrderId,
      number: result.value.number,
      provisional: result.value.provisionalNumber,
      deadlineAt: result.value.deadlineAt,
    };
    set({ submitted });
    await openDraft(null, true);
    set({ submitted });
  } finally {
    set({ submitting: false });
  }
};

export const draftDiscarded = async (): Promise<void> => {
  const draft = get().draft;
  if (!draft) return;
  await desk().intake.discardDraft({ id: draft.id });
  await openDraft(null, true);
};

/**
 * 引用答复: the encyclopedia answer goes into the reply, the order becomes 直接办结, and the cited
 * entry is recorded on the order. An answer already typed is kept, the citation appended.
 */
export const answerCited = (citation: { entryId: string; title: string; answer: string }): void => {
  const draft = get().draft;
  if (!draft) return;
  const { handlingMode, reply, citedEntryId } = draft.form;
  const next = reply.trim() === '' ? citation.answer : `${reply.trim()}\n${citation.answer}`;
  fieldEdited('handlingMode', 'direct');
  fieldEdited('reply', next);
  fieldEdited('citedEntryId', citation.entryId);
  set({ cited: { title: citation.title, before: { handlingMode, reply, citedEntryId } } });
};

/** 撤销引用: the handling mode, reply and citation go back to what they were before. */
export const citationUndone = (): void => {
  const cited = get().cited;
  if (!cited || !get().draft) return;
  fieldEdited('handlingMode', cited.before.handlingMode);
  fieldEdited('reply', cited.before.reply);
  fieldEdited('citedEntryId', cited.before.citedEntryId);
  set({ cited: null });
};
