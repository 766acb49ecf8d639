// The date every assurance number is computed as of: a calendar day in UTC, today unless given.
import { z } from 'zod';
import { IsoDate } from '../model/primitives.js';

export const asOfToday = () => new Date().toISOString().slice(0, 10);

export const AsOfQuery = z.object({
  asOf: IsoDate.optional().describe('YYYY-MM-DD (UTC calendar day); default today'),
});
