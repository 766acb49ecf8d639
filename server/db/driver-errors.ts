// Which driver errors mean the database is gone or too busy to take work, as opposed to Neo4j
// answering "no" (a constraint, a bad query), which the caller must see as it is.
import { Neo4jError } from 'neo4j-driver';
import type { Diagnosis } from './availability.js';

// Connection refused or lost, a cluster member gone, a database stopped or still recovering.
const UNREACHABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

export function diagnose(error: unknown): Diagnosis {
  if (!(error instanceof Neo4jError)) return 'other';
  if (UNREACHABLE.has(error.code)) return 'unreachable';
  // Every pooled connection is taken by work in progress: the driver gives this no code.
  if (error.message.startsWith('Connection acquisition timed out')) return 'busy';
  return 'other';
}
