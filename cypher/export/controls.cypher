// description: Every control with the requirements it satisfies, what it applies to and the risks
//   it mitigates.
// mode: read
// returns:
//   props: map — stored properties (assessment flattened as itStatus, itMaturity, otStatus, otMaturity)
//   satisfies, appliesTo, mitigates: list<string> — ids, sorted
MATCH (c:Control)
RETURN properties(c) AS props,
  COLLECT { MATCH (c)-[:SATISFIES]->(r:Requirement) RETURN r.id ORDER BY r.id } AS satisfies,
  COLLECT { MATCH (c)-[:APPLIES_TO]->(t) RETURN t.id ORDER BY t.id } AS appliesTo,
  COLLECT { MATCH (c)-[:MITIGATES]->(r:Risk) RETURN r.id ORDER BY r.id } AS mitigates
ORDER BY c.id
