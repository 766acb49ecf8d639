// description: Creates requirements with (Requirement)-[:PART_OF]->(Framework).
// mode: write
// params:
//   $rows: list<map> — {props, framework: framework id}
// returns: nothing
UNWIND $rows AS row
MATCH (fw:Framework {id: row.framework})
CREATE (r:Requirement)-[:PART_OF]->(fw)
SET r = row.props
