// description: What the model knows of each observed address: the asset that has it, the zone it
//   is in (the asset's zone, else the narrowest zone whose CIDR contains it), whether that zone
//   is a safety zone with its SL-T and SL-A, and the SIFs the asset is an element of.
//   Plan: one asset_ip index seek per address; zones are few, so the CIDR test scans them.
// mode: read
// params:
//   $ips: list<integer> — distinct IPv4 addresses as unsigned integers
// returns:
//   ip: integer — the address asked about
//   asset: string|null — the asset with that address (the lowest id if several claim it)
//   zone: string|null — null when the address is in no zone's CIDR and no asset has it
//   safetyZone: boolean; slTarget: integer|null; slAchieved: integer|null
//   sifs: list<map> — {id, sil} of the SIFs the asset is an element of, by id
UNWIND $ips AS ip
CALL (ip) {
  OPTIONAL MATCH (a:Asset {ipInt: ip})
  WITH a ORDER BY a.id LIMIT 1
  RETURN a
}
CALL (ip, a) {
  OPTIONAL MATCH (a)-[:IN_ZONE]->(own:Zone)
  OPTIONAL MATCH (z:Zone) WHERE own IS NULL AND z.cidrLo <= ip <= z.cidrHi
  WITH own, z ORDER BY z.cidrHi - z.cidrLo LIMIT 1
  RETURN coalesce(own, z) AS zone
}
RETURN ip, a.id AS asset, zone.id AS zone, coalesce(zone.safety, false) AS safetyZone,
  zone.slTarget AS slTarget, zone.slAchieved AS slAchieved,
  COLLECT { MATCH (s:SIF)-[:HAS_ELEMENT]->(a) WITH DISTINCT s RETURN {id: s.id, sil: s.sil} ORDER BY s.id } AS sifs
