import type { DeskHandlers } from '../../preload/contract';
import type { IntakeService } from '../workorders/intake-service';

export const intakeHandlers = (intake: IntakeService): DeskHandlers['intake'] => ({
  referenceData: () => intake.referenceData(),
  openDraft: ({ callRef, fresh }) => intake.openDraft(callRef, fresh),
  saveDraft: ({ id, revision, form }) => intake.saveDraft(id, revision, form),
  discardDraft: async ({ id }) => ({ discarded: await intake.discardDraft(id) }),
  preview: ({ form }) => intake.preview(form),
  submit: ({ draftId, form, duplicateOf }) => intake.submit(draftId, form, duplicateOf),
});
