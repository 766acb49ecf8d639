// description: Real ids for the start-up warm-up's what-ifs, chosen so each impact query has rows
//   to work on: a conduit a safety-required flow crosses and its first rule, a firewall
//   enforcing it, and a SIF element with its zone and vendor. Any of them may be null on a
//   graph that lacks such things; the warm-up then skips the changes that need them.
// mode: read
// returns:
//   conduit, rule: string|null — a conduit carrying a safety-required flow, and its first rule
//   firewall: string|null — an asset enforcing that conduit
//   asset, zone, vendor: string|null — a SIF element, its zone and its vendor
CALL () {
  OPTIONAL MATCH (:Flow {safetyRequired: true})-[:VIA]->(c:Conduit)-[:HAS_RULE]->(r:FirewallRule)
  WITH c, r ORDER BY c.id, r.seq LIMIT 1
  RETURN c.id AS conduit, r.id AS rule, COLLECT { MATCH (c)-[:ENFORCED_BY]->(fw:Asset) RETURN fw.id ORDER BY fw.id LIMIT 1 }[0] AS firewall
}
CALL () {
  OPTIONAL MATCH (:SIF)-[:HAS_ELEMENT]->(a:Asset)-[:IN_ZONE]->(z:Zone)
  WITH a, z ORDER BY a.id LIMIT 1
  RETURN a.id AS asset, z.id AS zone, a.vendor AS vendor
}
RETURN conduit, rule, firewall, asset, zone, vendor
