// description: Creates firewall rules and (Conduit)-[:HAS_RULE]->(FirewallRule). Addresses are
//   already resolved to integer ranges (srcLo..srcHi, dstLo..dstHi, portLo..portHi).
//   Nodes are merged by id, so a replace updates a stored node in place (site/delete-relationships).
// mode: write
// params:
//   $rows: list<map> — {props: rule properties, conduit: conduit id}
// returns: nothing
UNWIND $rows AS row
MATCH (c:Conduit {id: row.conduit})
MERGE (r:FirewallRule {id: row.props.id})
SET r = row.props
CREATE (c)-[:HAS_RULE]->(r)
