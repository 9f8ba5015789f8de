// models/manifest.json: the Vosk models Attune offers to download, validated with zod when read. A model
// without a known sha256 can still be listed (and imported from a folder), but a download of it is never
// reported as verified: a checksum is never guessed.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export const modelManifestEntrySchema = z
  .object({
    /** Folder name under <dataDir>/models/, and the archive's top-level folder. */
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be a lower-case folder name'),
    name: z.string().min(1),
    language: z.string().min(2),
    url: z.url({ protocol: /^https$/ }),
    archiveFormat: z.enum(['zip', 'tar.gz']),
    /** Exact archive size in bytes, or null when not known (progress then uses approxSizeMb). */
    sizeBytes: z.number().int().positive().nullable(),
    approxSizeMb: z.number().positive(),
    /** Lower-case hex sha256 of the archive, or null when no trustworthy value is known. */
    sha256: z.string().regex(SHA256_HEX, 'must be 64 lower-case hex digits').nullable(),
    license: z.string().min(1),
    note: z.string().optional(),
  })
  .strict();

export const modelManifestSchema = z
  .object({
    version: z.literal(1),
    models: z.array(modelManifestEntrySchema).min(1),
  })
  .strict()
  .refine((manifest) => new Set(manifest.models.map((model) => model.id)).size === manifest.models.length, {
    message: 'model ids must be unique',
  });

export type ModelManifestEntry = z.infer<typeof modelManifestEntrySchema>;
export type ModelManifest = z.infer<typeof modelManifestSchema>;

export class ModelManifestError extends Error {
  override name = 'ModelManifestError';
}

/**
 * The manifest in the source tree (for the CLI under tsx and the tests). The packaged app passes its own
 * path (app.getAppPath()/models/manifest.json), since a bundle's __dirname is not this folder.
 */
export const SOURCE_MANIFEST_PATH = resolve(__dirname, '../../../models/manifest.json');

/** Validates parsed JSON; throws ModelManifestError with a one-line reason naming the source. */
export function parseModelManifest(json: unknown, source: string): ModelManifest {
  const parsed = modelManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new ModelManifestError(`The model list ${source} is not valid: ${where}${issue?.message ?? 'unknown problem'}`);
  }
  return parsed.data;
}

export function loadModelManifest(path: string): ModelManifest {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ModelManifestError(`The model list ${path} could not be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ModelManifestError(`The model list ${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseModelManifest(json, path);
}

export type ArchiveVerdict =
  | { verified: true }
  | { verified: false; reason: string };

/**
 * Whether a downloaded archive may be marked verified. Only a sha256 from the manifest can vouch for
 * it; with none, the answer is always no, whatever the archive is.
 */
export function verifyArchiveDigest(entry: ModelManifestEntry, archiveSha256: string, archiveBytes: number): ArchiveVerdict {
  if (entry.sha256 === null) {
    return { verified: false, reason: `No checksum is known for ${entry.id}, so the download cannot be verified.` };
  }
  if (entry.sizeBytes !== null && archiveBytes !== entry.sizeBytes) {
    return { verified: false, reason: `The ${entry.id} download is ${archiveBytes} bytes, expected ${entry.sizeBytes}: partial or wrong file.` };
  }
  if (archiveSha256.toLowerCase() !== entry.sha256) {
    return { verified: false, reason: `The ${entry.id} download does not match its checksum: corrupt or wrong file.` };
  }
  return { verified: true };
}
