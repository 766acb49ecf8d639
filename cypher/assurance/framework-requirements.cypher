// description: Every requirement of one framework, groupings included, with its parent: the tree
//   a framework view draws.
// mode: read
// params:
//   $framework: string — framework id
// returns:
//   requirement: string; ref: string; title: string; parent: string|null; assessable: boolean
//   slFrom: integer|null; uncertain: string|null
MATCH (:Framework {id: $framework})<-[:PART_OF]-(r:Requirement)
RETURN r.id AS requirement, r.ref AS ref, r.title AS title,
  COLLECT { MATCH (r)-[:CHILD_OF]->(p:Requirement) RETURN p.id }[0] AS parent,
  r.assessable AS assessable, r.slFrom AS slFrom, r.uncertain AS uncertain
ORDER BY requirement
