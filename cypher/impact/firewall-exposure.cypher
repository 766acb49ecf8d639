// description: Traffic newly allowed by a proposed rule-set change into a safety zone, or to a
//   SIF element, across an edited conduit: (source, destination, protocol, port interval) probes
//   that the conduit denies before the change and allows after it. Destinations: assets with an
//   address in a zone the conduit connects that is a safety zone or holds SIF elements. Sources:
//   assets of the zone on the other side, assets outside the destination zone named by a changed
//   rule's source range, and `any` — an address that only rules with source `any` match.
//   Only pairs that some changed rule (or a changed default action) could affect are probed, and
//   ports are split into the elementary intervals the relevant rules' boundaries define, so
//   each interval is decided by one rule and the probe count stays small.
//   Plan: sources are found once per zone pair (not per destination); sources matched by the
//   same rules are grouped, so the port arithmetic runs per group (8 groups instead of 1,600
//   probes for an `any` rule into a 200-asset zone pair); an asset's row is left out when an
//   `any` row already has its destination, protocol and rule.
//   Assets are reached from their zone, never from the Asset(ipInt) index: "has an address" is
//   written coalesce(ipInt, -1) >= 0 because `ipInt IS NOT NULL` invites a scan of that index
//   over the whole estate, which the planner picked after a fresh import (31,000 db hits and
//   40–60 ms per change at 20,000 assets, against 340 hits and ~3 ms from the zone).
// mode: read
// params:
//   $edits: list<map> — as in impact/firewall-flow-decisions
// returns:
//   conduit: string — edited conduit id
//   destination, destinationZone: string — asset and zone now reachable
//   destinationSlTarget: integer — SL-T of the destination zone
//   source: string — asset id or 'any' (an asset only when no `any` row has the same
//     destination, protocol and rule)
//   sourceZone: string|null; sourceSlAchieved: integer|null — null for 'any'
//   protocol: string — tcp, udp or icmp
//   lo, hi: integer — the port interval (0..0 for icmp)
//   rule: string|null — the rule that now allows it, null for the default action
UNWIND $edits AS edit
MATCH (c:Conduit {id: edit.conduit})
WITH edit, c, COLLECT { MATCH (c)-[:HAS_RULE]->(r:FirewallRule)
                        RETURN r {.id, .seq, .action, .protocol, .srcLo, .srcHi, .dstLo, .dstHi, .portLo, .portHi} } AS stored
WITH edit, c, stored,
  [r IN stored WHERE r.id IN edit.replaced] + edit.rules AS changed,
  coalesce(edit.defaultAction, c.defaultAction) <> c.defaultAction AS defaultChanged
MATCH (c)-[:CONNECTS]->(dz:Zone)
MATCH (c)-[:CONNECTS]->(sz:Zone) WHERE sz <> dz
WITH edit, c, stored, changed, defaultChanged, dz, sz,
  COLLECT { MATCH (d:Asset)-[:IN_ZONE]->(dz)
            WHERE coalesce(d.ipInt, -1) >= 0
              AND (dz.safety OR EXISTS { (:SIF)-[:HAS_ELEMENT]->(d) })
              AND (defaultChanged OR any(r IN changed WHERE r.dstLo <= d.ipInt <= r.dstHi))
            RETURN d } AS destinations
WHERE size(destinations) > 0
// Sources once per zone pair, not once per destination.
CALL (sz, dz, changed, defaultChanged) {
  MATCH (s:Asset)-[:IN_ZONE]->(sz)
  WHERE coalesce(s.ipInt, -1) >= 0 AND (defaultChanged OR any(r IN changed WHERE r.srcLo <= s.ipInt <= r.srcHi))
  RETURN s.id AS source, s.ipInt AS sourceIp, sz.id AS sourceZone, sz.slAchieved AS sourceSlAchieved
  UNION
  UNWIND [r IN changed WHERE NOT (r.srcLo = 0 AND r.srcHi = 4294967295)] AS r
  MATCH (s:Asset)
  WHERE s.ipInt >= r.srcLo AND s.ipInt <= r.srcHi
  MATCH (s)-[:IN_ZONE]->(z:Zone) WHERE z <> dz
  RETURN s.id AS source, s.ipInt AS sourceIp, z.id AS sourceZone, z.slAchieved AS sourceSlAchieved
  UNION
  RETURN 'any' AS source, null AS sourceIp, null AS sourceZone, null AS sourceSlAchieved
}
WITH edit, c, stored, defaultChanged, dz, destinations,
  collect({id: source, ip: sourceIp, zone: sourceZone, sl: sourceSlAchieved}) AS sources
UNWIND destinations AS d
UNWIND ['tcp', 'udp', 'icmp'] AS protocol
WITH edit, c, defaultChanged, dz, d, protocol, sources,
  [r IN stored + edit.rules WHERE (r.protocol = 'any' OR r.protocol = protocol) AND r.dstLo <= d.ipInt <= r.dstHi] AS toDestination
WITH edit, c, defaultChanged, dz, d, protocol, sources, toDestination,
  [r IN toDestination WHERE r.proposed OR r.id IN edit.replaced] AS changedHere
// A destination and protocol no changed rule matches are decided as before: skipped whole.
WHERE defaultChanged OR size(changedHere) > 0
UNWIND sources AS s
WITH edit, c, defaultChanged, dz, d, protocol, s, toDestination, changedHere
WHERE defaultChanged OR any(r IN changedHere
  WHERE CASE WHEN s.ip IS NULL THEN r.srcLo = 0 AND r.srcHi = 4294967295 ELSE r.srcLo <= s.ip <= r.srcHi END)
WITH edit, c, dz, d, protocol, s,
  [r IN toDestination
    WHERE CASE WHEN s.ip IS NULL THEN r.srcLo = 0 AND r.srcHi = 4294967295 ELSE r.srcLo <= s.ip <= r.srcHi END] AS relevant
// Sources matched by the same rules are decided alike: the port arithmetic runs once per group.
WITH edit, c, dz, d, protocol, relevant, collect(s) AS group
WITH edit, c, dz, d, protocol, relevant, group,
  CASE protocol WHEN 'icmp' THEN [0]
    ELSE COLLECT { UNWIND [1] + [r IN relevant | r.portLo] + [r IN relevant | r.portHi + 1] AS p
                   WITH p WHERE 1 <= p <= 65535 RETURN DISTINCT p ORDER BY p } END AS points
UNWIND range(0, size(points) - 1) AS i
WITH edit, c, dz, d, protocol, relevant, group, points[i] AS lo,
  CASE WHEN protocol = 'icmp' THEN 0 WHEN i + 1 < size(points) THEN points[i + 1] - 1 ELSE 65535 END AS hi
WITH edit, c, dz, d, protocol, group, lo, hi,
  [r IN relevant WHERE r.portLo <= lo <= r.portHi] AS covering
WITH edit, c, dz, d, protocol, group, lo, hi,
  reduce(best = null, r IN [x IN covering WHERE x.proposed IS NULL] |
    CASE WHEN best IS NULL OR r.seq < best.seq THEN r ELSE best END) AS beforeRule,
  reduce(best = null, r IN [x IN covering WHERE x.proposed OR NOT x.id IN edit.replaced] |
    CASE WHEN best IS NULL OR r.seq < best.seq THEN r ELSE best END) AS afterRule
WHERE coalesce(beforeRule.action, c.defaultAction) = 'deny'
  AND coalesce(afterRule.action, edit.defaultAction, c.defaultAction) = 'allow'
WITH c, dz, d, protocol, collect({group: group, lo: lo, hi: hi, rule: coalesce(afterRule.id, '')}) AS opened
// What any address may now reach, every asset may: an asset row adds nothing to an `any` row
// with the same destination, protocol and rule, so it is not returned (often 200× fewer rows).
WITH c, dz, d, protocol, opened, [o IN opened WHERE any(s IN o.group WHERE s.ip IS NULL) | o.rule] AS viaAny
UNWIND opened AS o
UNWIND o.group AS s
WITH c, dz, d, protocol, o, s WHERE s.ip IS NULL OR NOT o.rule IN viaAny
RETURN c.id AS conduit, d.id AS destination, dz.id AS destinationZone, dz.slTarget AS destinationSlTarget,
  s.id AS source, s.zone AS sourceZone, s.sl AS sourceSlAchieved, protocol, o.lo AS lo, o.hi AS hi,
  CASE o.rule WHEN '' THEN null ELSE o.rule END AS rule
ORDER BY conduit, destination, source, protocol, lo
