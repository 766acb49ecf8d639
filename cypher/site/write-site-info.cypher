// description: Replaces the document's site block (the Site node), or removes it when $props is null.
// mode: write
// params:
//   $props: map|null — the site block's properties (id, name, description)
// returns: nothing
OPTIONAL MATCH (old:Site)
WITH old WHERE $props IS NULL OR old.id <> $props.id
DELETE old
WITH count(*) AS removed
WITH removed WHERE $props IS NOT NULL
MERGE (s:Site {id: $props.id})
SET s = $props
