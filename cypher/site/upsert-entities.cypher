// description: Creates or updates site nodes by id: properties are replaced whole and the node
//   gets its collection's label. Relationships are written separately (site/link-entities), once
//   every node of the write exists, so rows may come in any order.
//   The label is a value, $(row.label): it comes only from the collection registry's fixed list
//   (server/site/to-graph.ts checks it), never from a request.
// mode: write
// params:
//   $rows: list<map> — {label: string, props: map with id}
// returns: nothing
UNWIND $rows AS row
MERGE (n:SiteEntity {id: row.props.id})
SET n = row.props
SET n:$(row.label)
