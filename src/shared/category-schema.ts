import { z } from 'zod/mini';
import { CATEGORY_IDS } from './taxonomy';

/** A category id (taxonomy.ts), for the schemas that carry one. */
export const categorySchema = z.enum(CATEGORY_IDS);
