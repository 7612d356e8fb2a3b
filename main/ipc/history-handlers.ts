import type { DeskHandlers } from '../../preload/contract';
import type { HistoryService } from '../history/history-service';

export const historyHandlers = (history: HistoryService): DeskHandlers['history'] => ({
  screenPop: (headers) => history.screenPop(headers),
  revealNumber: async ({ callerId, screen }) => ({ display: await history.revealNumber(callerId, screen) }),
  workOrder: ({ workOrderId }) => history.workOrder(workOrderId),
});
