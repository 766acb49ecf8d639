// description: Every declared flow whose two endpoints have addresses, as the observed traffic is
//   compared with it: endpoint addresses, protocol, port, whether it is safety-required and the
//   conduits it crosses in order. Flows between assets without an address cannot be observed.
// mode: read
// returns:
//   flow: string; from: string; to: string — flow and endpoint asset ids
//   fromIp: integer; toIp: integer — endpoint addresses as unsigned integers
//   protocol: string; port: integer|null
//   safetyRequired: boolean
//   via: list<string> — conduits crossed, in order
MATCH (src:Asset)<-[:FROM]-(f:Flow)-[:TO]->(dst:Asset)
WHERE src.ipInt IS NOT NULL AND dst.ipInt IS NOT NULL
RETURN f.id AS flow, src.id AS from, dst.id AS to, src.ipInt AS fromIp, dst.ipInt AS toIp, f.protocol AS protocol, f.port AS port,
  coalesce(f.safetyRequired, false) AS safetyRequired,
  COLLECT { MATCH (f)-[v:VIA]->(c:Conduit) RETURN c.id ORDER BY v.seq } AS via
ORDER BY flow
