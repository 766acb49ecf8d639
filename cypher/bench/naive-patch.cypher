// description: Benchmark reference (a), not used by the product: a patch what-if written as one
//   would without Interlock's design. From each target, every path of the safety model up to
//   six hops long to a SIF or a procedure is enumerated; the paths' shapes then say how the
//   target matters: [HAS_ELEMENT] — it is a SIF element; [FROM|TO|ROUTES_THROUGH, DEPENDS_ON
//   (, BACKS_UP)] — it carries or switches a flow something depends on; [ENFORCED_BY, VIA,
//   DEPENDS_ON (, BACKS_UP)] — it is the firewall of a conduit such a flow crosses.
// mode: read
// params:
//   $targets: list<string> — asset ids going down
// returns:
//   target: string — asset id
//   groups: list<map> — {sif, sil, group, voting, n, down}: voting groups holding it; n channels, down = targets among them
//   paths: list<map> — {flow, sifs: [{id, sil}], emergency, redundant}: safety flows it touches, one per way
//     (endpoint, routes-through, firewall of a crossed conduit); empty when it is a SIF element
UNWIND $targets AS id
MATCH (t:Asset {id: id})
OPTIONAL MATCH path = (t)-[:VIA|FROM|TO|ROUTES_THROUGH|ENFORCED_BY|DEPENDS_ON|HAS_ELEMENT|BACKS_UP|USES|PERFORMED_BY*1..6]-(x)
WHERE x:SIF OR x:Procedure
WITH t, x, nodes(path) AS ns, relationships(path) AS rs, [r IN relationships(path) | type(r)] AS shape
WITH t,
  collect(DISTINCT CASE WHEN shape = ['HAS_ELEMENT'] THEN {sif: x, group: rs[0].group, voting: rs[0].voting} END) AS elements,
  collect(CASE
    WHEN shape[0] IN ['FROM', 'TO', 'ROUTES_THROUGH']
      AND (shape[1..] = ['DEPENDS_ON'] OR (shape[1..] = ['DEPENDS_ON', 'BACKS_UP'] AND ns[2]:Procedure))
      THEN {flow: ns[1], way: shape[0] + ':', node: x}
    WHEN shape[0..2] = ['ENFORCED_BY', 'VIA']
      AND (shape[2..] = ['DEPENDS_ON'] OR (shape[2..] = ['DEPENDS_ON', 'BACKS_UP'] AND ns[3]:Procedure))
      THEN {flow: ns[2], way: 'FIREWALL:' + ns[1].id, node: x}
  END) AS touches
CALL (t, touches, elements) {
  UNWIND CASE WHEN size(elements) = 0 THEN touches ELSE [] END AS touch
  // FROM and TO are one way of touching a flow (as its endpoint).
  WITH touch.flow AS f, replace(replace(touch.way, 'FROM:', 'END:'), 'TO:', 'END:') AS way, collect(touch.node) AS dependants
  RETURN collect({
    flow: f.id,
    sifs: [n IN dependants WHERE n:SIF | n {.id, .sil}],
    emergency: any(n IN dependants WHERE n:Procedure AND n.emergency),
    redundant: EXISTS {
      MATCH (f)-[:FROM]->(:Asset)<-[:FROM]-(alt:Flow)-[:TO]->(:Asset)<-[:TO]-(f)
      WHERE alt <> f AND alt.protocol = f.protocol AND coalesce(alt.port, 0) = coalesce(f.port, 0)
        AND NOT EXISTS { (alt)-[:ROUTES_THROUGH]->(t) }
        AND NOT EXISTS { (alt)-[:VIA]->(:Conduit)-[:ENFORCED_BY]->(t) }
    }
  }) AS paths
}
RETURN t.id AS target,
  [e IN elements | {
    sif: e.sif.id, sil: e.sif.sil, group: e.group, voting: e.voting,
    n: COUNT { (s:SIF)-[g:HAS_ELEMENT]->(:Asset) WHERE s = e.sif AND g.group = e.group },
    down: COUNT { (s:SIF)-[g:HAS_ELEMENT]->(a:Asset) WHERE s = e.sif AND g.group = e.group AND a.id IN $targets }
  }] AS groups,
  paths
