import { z } from 'zod';
import catalogueFile from '../../data/intake/data-catalogue.json';
import { type DataCatalogue, SUBMISSION_KEYS } from './data-catalogue';

/** The catalogue as it arrives (bundled, or from the platform): validated like any other input. */
export const dataCatalogueSchema = z.object({
  version: z.number().int().positive(),
  items: z
    .array(
      z.object({
        key: z.enum(SUBMISSION_KEYS),
        name: z.string().min(1).max(20),
        required: z.enum(['always', 'by-category', 'unless-anonymous']),
        format: z.literal('phone').optional(),
        minLength: z.number().int().min(1).max(100).optional(),
        maxLength: z.number().int().min(1).max(5000),
        messages: z.object({
          missing: z.string().min(1).max(100),
          unknown: z.string().max(100).optional(),
          notLeaf: z.string().max(100).optional(),
          format: z.string().max(100).optional(),
          tooShort: z.string().max(100).optional(),
        }),
      }),
    )
    .min(1),
});

export const bundledCatalogue: DataCatalogue = dataCatalogueSchema.parse(catalogueFile);
