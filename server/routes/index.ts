// Every API route file, registered under /api.
import type { FastifyInstance } from 'fastify';
import { advisoryRoutes } from './advisories.js';
import { assetRoutes } from './assets.js';
import { auditRoutes } from './audit.js';
import { authRoutes } from './auth.js';
import { assuranceRoutes } from './assurance.js';
import { assuranceEvidenceRoutes } from './assurance-evidence.js';
import { assuranceOscalRoutes } from './assurance-oscal.js';
import { assurancePositionRoutes } from './assurance-position.js';
import { assuranceReportRoutes } from './assurance-report.js';
import { assuranceScopeRoutes } from './assurance-scope.js';
import { conduitRoutes } from './conduits.js';
import { firewallImportRoutes } from './firewall-import.js';
import { flowRoutes } from './flows.js';
import { healthRoutes } from './health.js';
import { impactRoutes } from './impact.js';
import { inventoryRoutes } from './inventory.js';
import { procedureRoutes } from './procedures.js';
import { revisionRoutes } from './revisions.js';
import { reviewReauthRoutes } from './review-reauth.js';
import { reviewRoutes } from './reviews.js';
import { sifRoutes } from './sifs.js';
import { siteRoutes } from './site.js';
import { trafficRoutes } from './traffic.js';
import { userRoutes } from './users.js';
import { viewRoutes } from './views.js';
import { zoneRoutes } from './zones.js';

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  for (const routes of [
    healthRoutes, authRoutes, userRoutes, auditRoutes, siteRoutes, zoneRoutes, conduitRoutes, assetRoutes, flowRoutes, sifRoutes, procedureRoutes,
    viewRoutes, impactRoutes, revisionRoutes, advisoryRoutes, inventoryRoutes, trafficRoutes, firewallImportRoutes,
    assuranceRoutes, assuranceEvidenceRoutes, assurancePositionRoutes, assuranceOscalRoutes, reviewRoutes, reviewReauthRoutes,
    assuranceScopeRoutes, assuranceReportRoutes,
  ]) {
    await app.register(routes);
  }
}
