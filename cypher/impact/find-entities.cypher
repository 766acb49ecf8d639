// description: Which of the given ids exist, with their label and addresses: for validating the
//   references of a proposed change (404 naming the unknown ones).
// mode: read
// params:
//   $ids: list<string> — ids of assets, zones, roles, conduits or rules
// returns:
//   id: string; label: string — Asset, Zone, Role, Conduit or FirewallRule
//   ip: string|null — an asset's address; cidr: string|null — a zone's cidr
UNWIND $ids AS id
CALL (id) {
  MATCH (a:Asset {id: id}) RETURN 'Asset' AS label, a.ip AS ip, null AS cidr
  UNION
  MATCH (z:Zone {id: id}) RETURN 'Zone' AS label, null AS ip, z.cidr AS cidr
  UNION
  MATCH (r:Role {id: id}) RETURN 'Role' AS label, null AS ip, null AS cidr
  UNION
  MATCH (c:Conduit {id: id}) RETURN 'Conduit' AS label, null AS ip, null AS cidr
  UNION
  MATCH (r:FirewallRule {id: id}) RETURN 'FirewallRule' AS label, null AS ip, null AS cidr
}
RETURN id, label, ip, cidr
