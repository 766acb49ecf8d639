// Interlock's application roles. They are named apart from the plant's operator `Role` collection
// (a control-room operator is modelled in the site; an `engineer` here is someone using Interlock).
import { z } from 'zod';

export const ROLES = ['viewer', 'engineer', 'safety-approver', 'security-approver', 'governance-lead', 'admin'] as const;
export type AppRole = (typeof ROLES)[number];
const ROLE_MEANINGS: Readonly<Record<AppRole, string>> = {
  viewer: 'reads the site, its views and the change journal',
  engineer: 'also runs what-ifs and importer dry runs; raises change requests and implements approved ones',
  'safety-approver': 'also runs what-ifs and raises change requests; signs others\' for the safety discipline',
  'security-approver': 'also runs what-ifs and raises change requests; signs others\' for the security discipline',
  'governance-lead': 'reads the site and the audit log; edits the assurance baseline',
  admin: 'manages accounts and tokens, imports and edits the site, reads the audit log',
};

/** A role, with what each role may do in its OpenAPI description. */
export const AppRoleSchema = z.enum(ROLES).describe(ROLES.map((r) => `${r}: ${ROLE_MEANINGS[r]}`).join('; '));
