// description: Every requirement with its framework and the requirements it is mapped equivalent to.
// mode: read
// returns:
//   props: map — stored properties
//   framework: string — framework id
//   equivalentTo: list<string> — requirement ids, sorted
MATCH (r:Requirement)-[:PART_OF]->(fw:Framework)
RETURN properties(r) AS props, fw.id AS framework,
  COLLECT { MATCH (r)-[:EQUIVALENT_TO]->(o:Requirement) RETURN o.id ORDER BY o.id } AS equivalentTo
ORDER BY r.id
