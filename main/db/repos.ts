import { screenPopRepo } from '../history/screen-pop-repo';
import { workOrderHistoryRepo } from '../history/work-order-history-repo';
import { appendAudit, verifyAuditLog } from '../audit/audit-repo';
import { diagnosticsRepo } from '../diagnostics/diagnostics-repo';
import { helpRepo } from '../help/help-repo';
import { agentFiguresRepo } from '../lead/agent-figures-repo';
import { kbLearningRepo } from '../kb/kb-learning-repo';
import { kbRepo } from '../kb/kb-repo';
import { phoneRepo } from '../phone/phone-repo';
import { retentionRepo } from '../retention/retention-repo';
import { secretsRepo } from '../secrets/secrets-repo';
import { outboxRepo } from '../sync/outbox-repo';
import { pullApplyRepo } from '../sync/pull-apply-repo';
import { intakeRepo } from '../workorders/intake-repo';
import { stationRepo } from '../workorders/station-repo';
import { workOrderRepo } from '../workorders/work-order-repo';
import { settingsRepo } from '../settings/settings-repo';
import { trainingRepo } from '../training/training-repo';
import { sealingRepo } from '../fields/sealing-repo';

/**
 * Everything that touches SQLite, by repository. These functions run inside the database worker;
 * the rest of main reaches them through DbClient, typed from this object.
 */
export const repos = {
  audit: { append: appendAudit, verify: verifyAuditLog },
  settings: settingsRepo,
  diagnostics: diagnosticsRepo,
  secrets: secretsRepo,
  screenPop: screenPopRepo,
  workOrderHistory: workOrderHistoryRepo,
  workOrders: workOrderRepo,
  intake: intakeRepo,
  station: stationRepo,
  kb: kbRepo,
  kbLearning: kbLearningRepo,
  outbox: outboxRepo,
  pull: pullApplyRepo,
  phone: phoneRepo,
  help: helpRepo,
  agentFigures: agentFiguresRepo,
  training: trainingRepo,
  retention: retentionRepo,
  sealing: sealingRepo,
} as const;

export type Repos = typeof repos;

type OpsOf<R> = { readonly [N in keyof R]?: readonly (keyof R[N] & string)[] };

/**
 * Lookups an agent waits for on screen (caller panel, encyclopedia, intake pickers). They run on the
 * read connection, so a bulk pull page or an import on the writer never delays them. Only pure
 * reads belong here: the read connection refuses writes.
 */
export const interactiveReads: OpsOf<Repos> = {
  screenPop: ['lookup', 'trainingCallers'],
  kb: ['search', 'rankedSearch', 'entry', 'synonymGroups', 'count', 'departments'],
  kbLearning: ['learnedFor', 'lexicon'],
  intake: ['recentCategories', 'duplicates'],
  // Every service reads the settings first; behind a pull page or a record write they delayed the panel.
  settings: ['readAll'],
  // The agent's own figures are refreshed while calls are being written: never behind those writes.
  agentFigures: ['rows'],
};
