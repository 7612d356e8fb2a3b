import { migration0001 } from './0001-settings';
import { migration0002 } from './0002-history';
import { migration0003 } from './0003-intake';
import { migration0004 } from './0004-kb';
import { migration0005 } from './0005-sync';
import { migration0006 } from './0006-agent-states';
import { migration0007 } from './0007-agent-reachability';
import { migration0008 } from './0008-call-privacy';
import { migration0009 } from './0009-call-purpose';
import { migration0010 } from './0010-training';
import { migration0011 } from './0011-kb-learning';
import { migration0012 } from './0012-audit-chain';
import { migration0013 } from './0013-retention';
import { migration0014 } from './0014-retention-calls';
import { migration0015 } from './0015-sealed-numbers';
import { migration0016 } from './0016-enterprise-requests';
import { migration0017 } from './0017-screen-pop-covering-indexes';
import { migration0018 } from './0018-urged-orders';
import { migration0019 } from './0019-lifecycle-steps';
import { migration0020 } from './0020-enterprise-by-caller';
import { migration0021 } from './0021-help-and-figures';
import type { Migration } from './migration';

export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
  migration0020,
  migration0021,
];

export const latestSchemaVersion = (): number => migrations.at(-1)?.version ?? 0;
