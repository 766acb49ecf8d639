// Cytoscape-ready views of the graph for the web explorer: the zone/conduit topology, one SIF's
// safety path, and an asset's neighbourhood. Element ids are entity ids, so the ids in an impact
// finding's path select elements directly. Locate says which zone an asset sits in, for paths
// reaching into a zone the view shows as a summary.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { ErrorBody, IdParams } from '../model/api-schemas.js';
import { COLLAPSE_THRESHOLD } from '../views/build-view.js';
import { readNeighbourhood, readSifGraph, readTopology, NEIGHBOURHOOD_MAX_ASSETS } from '../views/view-reader.js';
import { GraphView, LOCATE_MAX_IDS, LocateBody, LocateResult, NeighbourhoodQuery, SifGraph, TopologyQuery } from '../views/view-schema.js';
import { locate } from '../views/locate.js';

export async function viewRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/graph/topology', {
    schema: {
      tags: ['graph'],
      summary: 'Zones (compound nodes) with their assets, conduits between zones, and flows',
      description: `Zones carry Purdue level, domain, SL-T/SL-A and whether SL-A is below SL-T; conduits carry SL-T, ` +
        `rule count, default action and flags for spanning more than one Purdue level or bypassing the DMZ. ` +
        `With collapse=auto, a view of more than ${COLLAPSE_THRESHOLD} zones, assets and conduits comes back with ` +
        `zones as summaries (assets and flows left out) except those named in expand.`,
      querystring: TopologyQuery,
      response: { 200: GraphView, 400: ErrorBody },
    },
  }, async (request) => readTopology(app.db, request.query.collapse, request.query.expand));

  app.get('/graph/sif/:id', {
    schema: {
      tags: ['graph'],
      summary: "One SIF's safety path as elements",
      description: 'Its elements with role, group and voting; the flows it depends on (directly and through procedures ' +
        'backing it up) as asset-to-asset edges; the conduits they cross; the firewalls enforcing them; their zones.',
      params: IdParams,
      response: { 200: SifGraph, 404: ErrorBody },
    },
  }, async (request) => readSifGraph(app.db, request.params.id));

  app.get('/graph/asset/:id', {
    schema: {
      tags: ['graph'],
      summary: "An asset's neighbourhood over flows, 1–3 hops",
      description: `Assets sharing a flow with it (endpoints, routing devices, firewalls of crossed conduits), repeated ` +
        `depth times; bounded at ${NEIGHBOURHOOD_MAX_ASSETS} assets (truncated is then true).`,
      params: IdParams,
      querystring: NeighbourhoodQuery,
      response: { 200: GraphView, 400: ErrorBody, 404: ErrorBody },
    },
  }, async (request) => readNeighbourhood(app.db, request.params.id, request.query.depth));

  app.post('/graph/locate', {
    schema: {
      tags: ['graph'],
      summary: 'The zone each of a list of assets sits in',
      description: `For up to ${LOCATE_MAX_IDS} ids: an asset maps to its zone, a zone to itself; any other id (a flow, a SIF, ` +
        'an unknown id) is left out. The explorer asks this for path members hidden in a zone summarised by the server, ' +
        'so that the zone lights up in their place.',
      body: LocateBody,
      response: { 200: LocateResult, 400: ErrorBody },
    },
  }, async (request) => locate(app.db, request.body.ids));
}
