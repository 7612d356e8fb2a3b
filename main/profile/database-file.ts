import { join } from 'node:path';

export const databaseFile = (profileDir: string): string => join(profileDir, 'minsheng-desk.sqlite');
