import type { DeskHandlers } from '../../preload/contract';
import type { KbService } from '../kb/kb-service';
import { DeskFailure } from '../shared/desk-failure';

/** The OS file dialog (Electron); absent in the browser shell, where the page uploads the file. */
export type ChooseFile = () => Promise<string | null>;

export const kbHandlers = (kb: KbService, chooseFile: ChooseFile | undefined): DeskHandlers['kb'] => ({
  status: () => kb.status(),
  search: (request) => kb.search(request),
  related: ({ categoryName, text, callerRegion }) => kb.related(categoryName, text, callerRegion),
  entry: ({ id }) => kb.entry(id),
  cite: ({ id, draftId }) => kb.cite(id, draftId),
  chooseImportFile: async () => {
    if (!chooseFile) throw new DeskFailure('INVALID_INPUT', '浏览器模式下请用“选择文件”上传百科文件');
    const path = await chooseFile();
    return path === null ? null : kb.importFile(path);
  },
});
