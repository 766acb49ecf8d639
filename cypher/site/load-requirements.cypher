// description: Creates requirements with (Requirement)-[:PART_OF]->(Framework).
//   Nodes are merged by id, so a replace updates a stored node in place (site/delete-relationships).
// mode: write
// params:
//   $rows: list<map> — {props, framework: framework id}
// returns: nothing
UNWIND $rows AS row
MATCH (fw:Framework {id: row.framework})
MERGE (r:Requirement {id: row.props.id})
SET r = row.props
CREATE (r)-[:PART_OF]->(fw)
