// description: Assets holding any of the given addresses: an asset written with an IP must not
//   take another asset's.
// mode: read
// params:
//   $ips: list<integer> — IPv4 addresses as integers
// returns:
//   id: string — the asset
//   ip: string — its address
//   zone: string — its zone
//   type: string — its type
UNWIND $ips AS ip
MATCH (a:Asset {ipInt: ip})-[:IN_ZONE]->(z:Zone)
RETURN a.id AS id, a.ip AS ip, z.id AS zone, a.type AS type
