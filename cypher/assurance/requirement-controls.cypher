// description: The controls the statuses of some requirements can depend on: those satisfying
//   them and those satisfying a requirement one mapping away (a projection source). Reading only
//   these controls' statuses keeps one requirement's answer independent of the baseline's size.
// mode: read
// params:
//   $framework: string|null — a framework's requirements; null for no framework restriction
//   $requirements: list<string>|null — these requirements; null for no id restriction
// returns:
//   controls: list<string> — control ids
MATCH (f:Framework)<-[:PART_OF]-(t:Requirement)
WHERE ($framework IS NULL OR f.id = $framework) AND ($requirements IS NULL OR t.id IN $requirements)
CALL (t) {
  RETURN t AS r
  UNION
  MATCH (t)<-[:MAPS_FROM|MAPS_TO]-(:Mapping)-[:MAPS_FROM|MAPS_TO]->(r:Requirement)
  RETURN r
}
MATCH (c:Control)-[:SATISFIES]->(r)
RETURN collect(DISTINCT c.id) AS controls
