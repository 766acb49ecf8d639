// description: Creates (Requirement)-[:EQUIVALENT_TO]->(Requirement) once all requirements exist.
// mode: write
// params:
//   $rows: list<map> — {id, equivalentTo: [requirementId]}
// returns: nothing
UNWIND $rows AS row
MATCH (r:Requirement {id: row.id})
UNWIND row.equivalentTo AS otherId
MATCH (other:Requirement {id: otherId})
CREATE (r)-[:EQUIVALENT_TO]->(other)
