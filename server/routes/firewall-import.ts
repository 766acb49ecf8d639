import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { actorName } from '../plugins/authentication.js';
import { ErrorBody, IdParams } from '../model/api-schemas.js';
import { ImportFirewallAnswer, ImportFirewallRequest, importFirewall, MAX_CONFIG_BYTES } from '../importers/import-firewall.js';

export async function firewallImportRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post('/conduits/:id/import-firewall', {
    // The configuration travels as a JSON string: room for it and its escaping, not the app's 256 MiB.
    bodyLimit: MAX_CONFIG_BYTES * 2 + 64 * 1024,
    schema: {
      tags: ['topology', 'impact'],
      summary: "Import a firewall configuration as the conduit's rule set: dry run with the what-if, or apply",
      description: 'Parses iptables-save output or a FortiGate configuration into the conduit\'s ordered rules and default action, ' +
        'accounts for every line (the rules it produced, or why it was not represented), and assesses replacing the stored rule set. ' +
        'With `apply: true` the rule set is written in one edit; a configuration with any refused line is answered 422 and nothing is written.',
      params: IdParams,
      body: ImportFirewallRequest,
      response: { 200: ImportFirewallAnswer, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 422: ErrorBody },
    },
  }, async (request) => importFirewall(app.db, request.params.id, request.body, actorName(request)));
}
