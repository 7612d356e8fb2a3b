import { z } from 'zod';

/** Record ids: RFC 9562 UUIDs (v4 from crypto.randomUUID, v7 from our own generator). */
export const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, '无效的记录编号');

/** A time the renderer sends: ISO 8601 with a zone (toISOString's form), checked strictly. */
export const isoTime = z.string().datetime({ offset: true });

/**
 * A time main reads back from its own database to show: passed on as stored, only bounded. Rows
 * pulled from a platform are not re-judged on the way to the screen; a bad one shows as written
 * rather than failing the whole caller panel.
 */
export const storedTime = z.string().max(40);
