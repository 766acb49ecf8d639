// The file formats under catalogues/: a catalogue (one framework and its requirements), a profile
// (a target CAF rating per outcome) and a mapping set (typed mappings between requirements of
// different frameworks). The shapes reuse the governance entities; the files leave out what a
// file implies (a requirement's framework, a mapping's id). Cross-file checks: validate-catalogues.ts.
import { z } from 'zod';
import { Id } from './site-schema.js';
import { Framework, Mapping, Profile, Requirement } from './governance-schema.js';

export const CatalogueRequirement = Requirement.omit({ framework: true });

export const CatalogueFile = z
  .object({
    framework: Framework,
    requirements: z.array(CatalogueRequirement).min(1, 'a catalogue needs at least one requirement').max(5000),
  })
  .strict();

export const ProfileFile = Profile;

export const MappingRow = Mapping.omit({ id: true });

export const MappingFile = z
  .object({
    mappingSet: z
      .object({
        id: Id,
        name: z.string().min(1).max(200),
        description: z.string().min(1).max(4000),
        // The public mappings this set follows, by the key its rows name in `basis`;
        // `interlock-judgement` needs no entry.
        bases: z.record(Id, z.string().min(1).max(1000)).refine((b) => Object.keys(b).length <= 50, 'must name at most 50 bases'),
        uncertain: z.array(z.string().min(1).max(1000)).max(50).default([]),
      })
      .strict(),
    mappings: z.array(MappingRow).max(20_000).default([]),
    // Requirements deliberately left without a mapping, each with the reason (shown, not hidden).
    unmapped: z
      .array(z.object({ requirement: Id, reason: z.string().min(1).max(1000) }).strict())
      .max(2000)
      .default([]),
  })
  .strict();

export const INTERLOCK_JUDGEMENT = 'interlock-judgement';

export type CatalogueFileT = z.infer<typeof CatalogueFile>;
export type ProfileFileT = z.infer<typeof ProfileFile>;
export type MappingFileT = z.infer<typeof MappingFile>;

/** A file as read from disk (or given by a test): its name for messages and its parsed YAML. */
export interface NamedFile {
  file: string;
  data: unknown;
}

export interface CatalogueSet {
  catalogues: Array<{ file: string; catalogue: CatalogueFileT }>;
  profiles: Array<{ file: string; profile: ProfileFileT }>;
  mappingSets: Array<{ file: string; set: MappingFileT }>;
}

export interface CatalogueError {
  file: string;
  path: string;
  message: string;
}

export const formatCatalogueError = (e: CatalogueError) => `${e.file}: ${e.path}: ${e.message}`;

/** Mapping ids are derived, so a file cannot give two rows the same id by mistake. */
export const mappingId = (from: string, to: string) => `m:${from}:${to}`;
