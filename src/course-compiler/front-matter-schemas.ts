import { z } from 'zod';
import { AREAS, AUDIENCES } from '../shared/content/content-types';

// The front matter contract of docs/authoring.md. Objects are strict so a misspelt field name is an
// error rather than silently ignored. Messages are written for authors, not programmers.

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const text = () => z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });
const id = () => text().regex(ID, { error: 'must be lower-case words joined by hyphens, e.g. my-module' });
const date = () =>
  z
    .string({ error: 'must be a date written YYYY-MM-DD' })
    .regex(DATE, { error: 'must be a date written YYYY-MM-DD' });

export const moduleSchema = z.strictObject({
  id: id(),
  title: text(),
  summary: text(),
  audiences: z
    .array(z.enum(AUDIENCES, { error: `must be one of ${AUDIENCES.join(', ')}` }), {
      error: 'must be a list, e.g. [teacher, ta]',
    })
    .min(1, { error: 'must name at least one audience' }),
  areas: z
    .array(z.enum(AREAS, { error: `must be one of ${AREAS.join(', ')}` }), {
      error: 'must be a list, e.g. [semh]',
    })
    .min(1, { error: 'must name at least one area' }),
  order: z.int({ error: 'must be a whole number' }),
  updated: date().optional(),
  confidence: z
    .array(
      text().regex(/^I feel confident to \S/, {
        error: 'must start “I feel confident to” followed by what the learner can do',
      }),
      { error: 'must be a list of 3 or 4 statements, each starting “I feel confident to”' },
    )
    .min(3, { error: 'must list at least 3 statements (3 or 4 in all)' })
    .max(4, { error: 'must list no more than 4 statements' })
    .optional(),
});

export const sourceSchema = z.strictObject({
  document: text(),
  publisher: text(),
  year: z.union([z.int(), text()], { error: 'must be a year, e.g. 2015' }),
  url: z
    .string({ error: 'must be a web address' })
    .regex(/^https:\/\/[^\s]+$/, { error: 'must be a web address starting with https://' })
    .optional(),
  checked: date().optional(),
});

export const lessonSchema = z.strictObject({
  id: id(),
  title: text(),
  minutes: z
    .int({ error: 'must be a whole number from 1 to 10' })
    .min(1, { error: 'must be a whole number from 1 to 10' })
    .max(10, { error: 'must be a whole number from 1 to 10' }),
  objectives: z
    .array(text(), { error: 'must be a list of objectives' })
    .min(1, { error: 'must list at least one objective' }),
  sources: z
    .array(sourceSchema, { error: 'must be a list of sources' })
    .min(1, { error: 'must list at least one source the lesson relies on' }),
});

export type ModuleFrontMatter = z.infer<typeof moduleSchema>;
export type LessonFrontMatter = z.infer<typeof lessonSchema>;
