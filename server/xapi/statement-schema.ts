// What a valid xAPI 1.0.3 statement is (the specification's Data section, §2.4), for statements other
// tools send to the Statements resource. Strict objects: a property the specification does not name is an
// error, as is a wrongly-cased one ("Actor"). Attachments are accepted only with a `fileUrl`: this resource
// takes JSON, not multipart bodies, so it cannot receive attachment contents.
import { z } from 'zod';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
// An absolute IRI: a scheme, then anything but spaces and angle brackets.
const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"]*$/i;
// RFC 5646 language tags, loosely: subtags of letters and digits.
const LANGUAGE_TAG = /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/i;
// ISO 8601 durations (xAPI keeps 0.01 s); weeks stand alone.
const DURATION = /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?|\d+W)$/;

export const uuidSchema = z.string().regex(UUID, 'must be a UUID');
export const iriSchema = z.string().regex(IRI, 'must be an absolute IRI');
const languageMap = z.record(z.string().regex(LANGUAGE_TAG, 'must be a language tag'), z.string());
const extensions = z.record(iriSchema, z.unknown());
const timestamp = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date and time with a time zone',
});

const ifis = {
  mbox: z
    .string()
    .regex(/^mailto:[^@\s]+@[^@\s]+$/, 'must be mailto:<address>')
    .optional(),
  mbox_sha1sum: z
    .string()
    .regex(/^[0-9a-f]{40}$/i, 'must be a SHA-1 in hex')
    .optional(),
  openid: iriSchema.optional(),
  account: z.strictObject({ homePage: iriSchema, name: z.string() }).optional(),
};
const ifiCount = (a: { mbox?: unknown; mbox_sha1sum?: unknown; openid?: unknown; account?: unknown }) =>
  [a.mbox, a.mbox_sha1sum, a.openid, a.account].filter((v) => v !== undefined).length;

export const agentSchema = z
  .strictObject({ objectType: z.literal('Agent').optional(), name: z.string().optional(), ...ifis })
  .refine((a) => ifiCount(a) === 1, 'an Agent needs exactly one of mbox, mbox_sha1sum, openid, account');

export const groupSchema = z
  .strictObject({
    objectType: z.literal('Group'),
    name: z.string().optional(),
    member: z.array(agentSchema).optional(),
    ...ifis,
  })
  .refine((g) => ifiCount(g) <= 1, 'a Group has at most one of mbox, mbox_sha1sum, openid, account')
  .refine((g) => ifiCount(g) === 1 || (g.member?.length ?? 0) > 0, 'an anonymous Group needs members');

/** An Agent or a Group, told apart by `objectType` (an Agent may leave it out). */
export const actorSchema = z.union([agentSchema, groupSchema]);

const verbSchema = z.strictObject({ id: iriSchema, display: languageMap.optional() });

const interactionComponent = z.strictObject({ id: z.string().min(1), description: languageMap.optional() });
const activitySchema = z.strictObject({
  objectType: z.literal('Activity').optional(),
  id: iriSchema,
  definition: z
    .strictObject({
      name: languageMap.optional(),
      description: languageMap.optional(),
      type: iriSchema.optional(),
      moreInfo: iriSchema.optional(),
      extensions: extensions.optional(),
      interactionType: z
        .enum([
          'true-false',
          'choice',
          'fill-in',
          'long-fill-in',
          'matching',
          'performance',
          'sequencing',
          'likert',
          'numeric',
          'other',
        ])
        .optional(),
      correctResponsesPattern: z.array(z.string()).optional(),
      choices: z.array(interactionComponent).optional(),
      scale: z.array(interactionComponent).optional(),
      source: z.array(interactionComponent).optional(),
      target: z.array(interactionComponent).optional(),
      steps: z.array(interactionComponent).optional(),
    })
    .optional(),
});
const statementRefSchema = z.strictObject({ objectType: z.literal('StatementRef'), id: uuidSchema });

const activityList = z.union([activitySchema, z.array(activitySchema)]);
const contextSchema = z.strictObject({
  registration: uuidSchema.optional(),
  instructor: actorSchema.optional(),
  team: groupSchema.optional(),
  contextActivities: z
    .strictObject({
      parent: activityList.optional(),
      grouping: activityList.optional(),
      category: activityList.optional(),
      other: activityList.optional(),
    })
    .optional(),
  revision: z.string().optional(),
  platform: z.string().optional(),
  language: z.string().regex(LANGUAGE_TAG, 'must be a language tag').optional(),
  statement: statementRefSchema.optional(),
  extensions: extensions.optional(),
});

const resultSchema = z.strictObject({
  score: z
    .strictObject({
      scaled: z.number().min(-1).max(1).optional(),
      raw: z.number().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
    })
    .refine((s) => s.min === undefined || s.max === undefined || s.min < s.max, 'min must be below max')
    .refine(
      (s) => s.raw === undefined || ((s.min ?? s.raw) <= s.raw && s.raw <= (s.max ?? s.raw)),
      'raw must lie between min and max',
    )
    .optional(),
  success: z.boolean().optional(),
  completion: z.boolean().optional(),
  response: z.string().optional(),
  duration: z.string().regex(DURATION, 'must be an ISO 8601 duration').optional(),
  extensions: extensions.optional(),
});

const attachmentSchema = z.strictObject({
  usageType: iriSchema,
  display: languageMap,
  description: languageMap.optional(),
  contentType: z.string().min(1),
  length: z.number().int().min(0),
  sha2: z.string().regex(/^[0-9a-f]{56,128}$/i, 'must be a SHA-2 in hex'),
  fileUrl: iriSchema.optional(),
});
const attachments = z
  .array(attachmentSchema)
  .refine(
    (list) => list.every((a) => a.fileUrl !== undefined),
    'attachments are accepted only with a fileUrl: this resource does not take multipart bodies',
  );

const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

const subStatementSchema = z.strictObject({
  objectType: z.literal('SubStatement'),
  actor: actorSchema,
  verb: verbSchema,
  object: z.union([activitySchema, agentSchema, groupSchema, statementRefSchema]),
  result: resultSchema.optional(),
  context: contextSchema.optional(),
  timestamp: timestamp.optional(),
  attachments: attachments.optional(),
});

export const statementSchema = z
  .strictObject({
    id: uuidSchema.optional(),
    actor: actorSchema,
    verb: verbSchema,
    object: z.union([activitySchema, agentSchema, groupSchema, statementRefSchema, subStatementSchema]),
    result: resultSchema.optional(),
    context: contextSchema.optional(),
    timestamp: timestamp.optional(),
    stored: timestamp.optional(),
    authority: actorSchema.optional(),
    version: z
      .string()
      .regex(/^1\.0(\.\d+)?$/, 'must be a 1.0 version')
      .optional(),
    attachments: attachments.optional(),
  })
  .refine((s) => s.verb.id !== VOIDED || s.object.objectType === 'StatementRef', {
    message: 'a voiding statement’s object must be a StatementRef',
    path: ['object'],
  })
  .refine(
    (s) =>
      (s.context?.revision === undefined && s.context?.platform === undefined) ||
      s.object.objectType === undefined ||
      s.object.objectType === 'Activity',
    { message: 'revision and platform are allowed only when the object is an Activity', path: ['context'] },
  );

export type IncomingStatement = z.infer<typeof statementSchema>;
export const VOIDED_VERB = VOIDED;
