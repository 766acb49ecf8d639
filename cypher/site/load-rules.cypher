// description: Creates firewall rules and (Conduit)-[:HAS_RULE]->(FirewallRule). Addresses are
//   already resolved to integer ranges (srcLo..srcHi, dstLo..dstHi, portLo..portHi).
// mode: write
// params:
//   $rows: list<map> — {props: rule properties, conduit: conduit id}
// returns: nothing
UNWIND $rows AS row
MATCH (c:Conduit {id: row.conduit})
CREATE (c)-[:HAS_RULE]->(r:FirewallRule)
SET r = row.props
