import type { DeskHandlers } from '../../preload/contract';
import type { PhoneService } from '../phone/phone-service';

export const phoneHandlers = (phone: PhoneService): DeskHandlers['phone'] => ({
  account: () => phone.account(),
  savePreferences: (preferences) => phone.savePreferences(preferences),
  recordCall: (record) => phone.recordCall(record),
  recentCalls: ({ limit }) => phone.recentCalls(limit),
  agentStateChanged: (change) => phone.agentStateChanged(change),
});
