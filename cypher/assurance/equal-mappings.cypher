// description: Requirements mapped `equal`, with the domains in which both are evaluated (both
//   frameworks scope it): where their statuses differ is an inconsistency (DOMAIN.md §5.2.6).
// mode: read
// returns:
//   mapping: string; from: string; to: string
//   domains: list<string> — IT and/or OT
MATCH (a:Requirement)<-[:MAPS_FROM]-(m:Mapping {relationship: 'equal'})-[:MAPS_TO]->(b:Requirement)
MATCH (a)-[:PART_OF]->(fa:Framework), (b)-[:PART_OF]->(fb:Framework)
WITH m, a, b, [d IN ['IT', 'OT'] WHERE d IN fa.domains AND d IN fb.domains] AS domains
WHERE size(domains) > 0
RETURN m.id AS mapping, a.id AS from, b.id AS to, domains
ORDER BY mapping
