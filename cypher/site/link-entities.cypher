// description: Creates the relationships of written site entities. The type is a value,
//   $(row.type), taken only from the collection registry's fixed list (server/site/to-graph.ts
//   checks it), never from a request.
// mode: write
// params:
//   $rows: list<map> — {from: string, type: string, to: string, props: map}
// returns: nothing
UNWIND $rows AS row
MATCH (a:SiteEntity {id: row.from})
MATCH (b:SiteEntity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
