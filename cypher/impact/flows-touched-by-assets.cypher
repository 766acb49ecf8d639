// description: For the given flows, which of the given assets (going down for a patch) would
//   interrupt them: as an endpoint, as a firewall enforcing a conduit they cross, or as a device
//   they route through. Used for change sets, where a route may be lost to a reboot.
// mode: read
// params:
//   $flowIds: list<string> — flows to check
//   $targets: list<string> — assets going down
// returns:
//   flow: string — flow id
//   touchedBy: list<string> — the targets that interrupt it, sorted
MATCH (f:Flow) WHERE f.id IN $flowIds
RETURN f.id AS flow,
  COLLECT { MATCH (f)-[:FROM|TO|ROUTES_THROUGH]->(a:Asset) WHERE a.id IN $targets RETURN a.id AS id
            UNION
            MATCH (f)-[:VIA]->(:Conduit)-[:ENFORCED_BY]->(a:Asset) WHERE a.id IN $targets RETURN a.id AS id } AS touchedBy
ORDER BY flow
