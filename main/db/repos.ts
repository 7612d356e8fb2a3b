import { screenPopRepo } from '../history/screen-pop-repo';
import { workOrderHistoryRepo } from '../history/work-order-history-repo';
import { kbRepo } from '../kb/kb-repo';
import { phoneRepo } from '../phone/phone-repo';
import { secretsRepo } from '../secrets/secrets-repo';
import { outboxRepo } from '../sync/outbox-repo';
import { pullApplyRepo } from '../sync/pull-apply-repo';
import { intakeRepo } from '../workorders/intake-repo';
import { stationRepo } from '../workorders/station-repo';
import { workOrderRepo } from '../workorders/work-order-repo';
import { settingsRepo } from '../settings/settings-repo';

/**
 * Everything that touches SQLite, by repository. These functions run inside the database worker;
 * the rest of main reaches them through DbClient, typed from this object.
 */
export const repos = {
  settings: settingsRepo,
  secrets: secretsRepo,
  screenPop: screenPopRepo,
  workOrderHistory: workOrderHistoryRepo,
  workOrders: workOrderRepo,
  intake: intakeRepo,
  station: stationRepo,
  kb: kbRepo,
  outbox: outboxRepo,
  pull: pullApplyRepo,
  phone: phoneRepo,
} as const;

export type Repos = typeof repos;
