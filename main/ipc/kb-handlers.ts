import type { DeskHandlers } from '../../preload/contract';
import type { KbService } from '../kb/kb-service';

export const kbHandlers = (kb: KbService): DeskHandlers['kb'] => ({
  status: () => kb.status(),
  search: (request) => kb.search(request),
  related: ({ categoryName, text, callerRegion }) => kb.related(categoryName, text, callerRegion),
  entry: ({ id }) => kb.entry(id),
  cite: ({ id, draftId }) => kb.cite(id, draftId),
  importFile: ({ path }) => kb.importFile(path),
});
