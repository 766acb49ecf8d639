// A user name and password written into a Neo4j URI (neo4j://user:secret@host) are taken out of
// it: they become the driver's credentials, and the URI left behind is safe to print.
export interface UriParts {
  uri: string;
  user?: string;
  password?: string;
}

export function splitUriCredentials(uri: string): UriParts {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    // Not a URL at all: keep only its scheme, the rest may be anything.
    return { uri: `${uri.split(':')[0]}://…` };
  }
  if (!url.username && !url.password) return { uri };
  const user = decodeURIComponent(url.username) || undefined;
  const password = decodeURIComponent(url.password) || undefined;
  url.username = '';
  url.password = '';
  return { uri: url.toString(), user, password };
}
