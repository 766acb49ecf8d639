// description: Where evidence is reused (DOMAIN.md §5.3): the requirements its controls satisfy
//   directly, plus those one `equal` or `superset` mapping away from them, read both ways (meeting
//   r meets all of o when r equal o, r superset o, or o subset r). Links only, not domains.
// mode: read
// params:
//   $evidence: list<string>|null — evidence ids; null for every item
// returns:
//   evidence: string
//   requirements: list<map> — {requirement, framework, via: direct | the lowest mapping id}, by requirement
//   frameworks: list<string> — sorted
MATCH (e:Evidence)
WHERE $evidence IS NULL OR e.id IN $evidence
CALL (e) {
  OPTIONAL MATCH (e)-[:SUPPORTS]->(:Control)-[:SATISFIES]->(r:Requirement)
  WITH DISTINCT r WHERE r IS NOT NULL
  CALL (r) {
    RETURN r AS served, 'direct' AS via
    UNION
    MATCH (r)<-[:MAPS_FROM]-(m:Mapping)-[:MAPS_TO]->(o:Requirement) WHERE m.relationship IN ['equal', 'superset']
    RETURN o AS served, m.id AS via
    UNION
    MATCH (r)<-[:MAPS_TO]-(m:Mapping)-[:MAPS_FROM]->(o:Requirement) WHERE m.relationship IN ['equal', 'subset']
    RETURN o AS served, m.id AS via
  }
  WITH served, collect(via) AS vias
  MATCH (served)-[:PART_OF]->(f:Framework)
  WITH served, f, CASE WHEN 'direct' IN vias THEN 'direct' ELSE reduce(lo = null, v IN vias | CASE WHEN lo IS NULL OR v < lo THEN v ELSE lo END) END AS via
  ORDER BY served.id
  RETURN collect({requirement: served.id, framework: f.id, via: via}) AS requirements
}
RETURN e.id AS evidence, requirements,
  COLLECT { UNWIND requirements AS r RETURN DISTINCT r.framework AS f ORDER BY f } AS frameworks
ORDER BY evidence
