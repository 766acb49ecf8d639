// Every API route file, registered under /api.
import type { FastifyInstance } from 'fastify';
import { assetRoutes } from './assets.js';
import { conduitRoutes } from './conduits.js';
import { firewallImportRoutes } from './firewall-import.js';
import { flowRoutes } from './flows.js';
import { graphRoutes } from './views.js';
import { healthRoutes } from './health.js';
import { impactRoutes } from './impact.js';
import { procedureRoutes } from './procedures.js';
import { sifRoutes } from './sifs.js';
import { siteRoutes } from './site.js';
import { zoneRoutes } from './zones.js';

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  for (const routes of [healthRoutes, siteRoutes, zoneRoutes, conduitRoutes, assetRoutes, flowRoutes, sifRoutes, procedureRoutes, graphRoutes, impactRoutes, firewallImportRoutes]) {
    await app.register(routes);
  }
}
