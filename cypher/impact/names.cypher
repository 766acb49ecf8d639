// description: Display names for ids mentioned in findings, so explanations read "Control room
//   HMI (hmi-01)" rather than bare ids. Rules, which have no name, are given their seq.
// mode: read
// params:
//   $ids: list<string> — any entity ids
// returns:
//   id: string; name: string|null; seq: integer|null — seq for firewall rules
CALL () {
  // One unique-index seek per id and label, in one pass per label: ids are unique across the
  // whole site (validate-site.ts), so at most one branch finds each id.
  UNWIND $ids AS id MATCH (n:Asset {id: id}) RETURN id, n.name AS name, null AS seq
  UNION ALL
  UNWIND $ids AS id MATCH (n:Zone {id: id}) RETURN id, n.name AS name, null AS seq
  UNION ALL
  UNWIND $ids AS id MATCH (n:Conduit {id: id}) RETURN id, n.name AS name, null AS seq
  UNION ALL
  UNWIND $ids AS id MATCH (n:SIF {id: id}) RETURN id, n.name AS name, null AS seq
  UNION ALL
  UNWIND $ids AS id MATCH (n:Procedure {id: id}) RETURN id, n.name AS name, null AS seq
  UNION ALL
  UNWIND $ids AS id MATCH (n:Role {id: id}) RETURN id, n.name AS name, null AS seq
  UNION ALL
  UNWIND $ids AS id MATCH (n:Flow {id: id}) RETURN id, n.name AS name, null AS seq
  UNION ALL
  UNWIND $ids AS id MATCH (r:FirewallRule {id: id}) RETURN id, null AS name, r.seq AS seq
}
RETURN id, name, seq
