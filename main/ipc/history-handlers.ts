import type { DeskHandlers } from '../../preload/contract';
import type { HistoryService } from '../history/history-service';

export const historyHandlers = (history: HistoryService): DeskHandlers['history'] => ({
  screenPop: (headers) => history.screenPop(headers),
  revealNumber: async (request) => ({
    display: await history.revealNumber(
      'callerId' in request ? { callerId: request.callerId } : { callId: request.callId },
      request.screen,
    ),
  }),
  workOrder: ({ workOrderId }) => history.workOrder(workOrderId),
  trainingCallers: () => history.trainingCallers(),
});
