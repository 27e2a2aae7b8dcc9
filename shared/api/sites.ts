/**
 * Site builder procedures (issue 3): the site of an enterprise, edits for the editor, intake of the
 * customer's material with its guesses and problems, build, preview, export and sign-off.
 */
import { z } from 'zod';
import { contactBlockSchema, domainSchema, templateChoiceSchema } from '../sites/model';

/* ---------- intake: problems and guesses ---------- */

/** A file that could not be used (or only partly): `code` is stable, `message` says why. */
export const intakeProblemSchema = z.object({ file: z.string(), code: z.string(), message: z.string() });
export type IntakeProblem = z.infer<typeof intakeProblemSchema>;

export const GUESS_RULES = [
  'column.keyword',
  'item.subheading',
  'post.tag',
  'photo.file_name',
  'photo.embedded',
  'profile.logo',
  'profile.contact',
  'profile.short_name',
  'domain.enterprise_file',
  'template.colour',
  'sms.lottery',
  'sms.care',
] as const;
export type GuessRule = (typeof GUESS_RULES)[number];

/** What a guess created or changed, so that undoing it can put things back. */
export const guessTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('column'), columnId: z.string() }),
  z.object({ kind: z.literal('item'), itemId: z.string() }),
  z.object({ kind: z.literal('itemImage'), itemId: z.string(), sha256: z.string() }),
  z.object({ kind: z.literal('logo'), sha256: z.string(), before: z.string().optional() }),
  z.object({ kind: z.literal('contact'), before: contactBlockSchema }),
  z.object({ kind: z.literal('shortName'), before: z.string() }),
  z.object({ kind: z.literal('domain'), before: domainSchema }),
  z.object({ kind: z.literal('template'), before: templateChoiceSchema }),
  z.object({ kind: z.literal('lottery'), sourceText: z.string() }),
  z.object({ kind: z.literal('care'), careId: z.string(), sourceText: z.string() }),
]);
export type GuessTarget = z.infer<typeof guessTargetSchema>;

/** One decision the auto-structuring made: which rule put what where. The editor lists and undoes them. */
export const guessSchema = z.object({
  id: z.string(),
  rule: z.enum(GUESS_RULES),
  /** The file the material came from. */
  source: z.string(),
  /** A plain English sentence with the Chinese values (the UI may phrase it from rule + params). */
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  target: guessTargetSchema,
});
export type Guess = z.infer<typeof guessSchema>;

export const intakeStateSchema = z.object({
  guesses: z.array(guessSchema),
  problems: z.array(intakeProblemSchema),
});
export type IntakeState = z.infer<typeof intakeStateSchema>;

export const sitesApi = {};
