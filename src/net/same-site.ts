// Whether two addresses are on the same site: the rule for following a redirect and for
// telling a credited source from the page's own canonical link. Pure (URL only).
//
// No public-suffix list is bundled, so "site" is approximated: the host's last two labels
// (three under a country's second level, like co.uk or com.au), the port included, so
// that two ports of one machine (127.0.0.1:8001 and :8002) are two sites. IP addresses
// and single-label hosts (localhost) are compared whole.

/** Second-level labels under which a country code's registrable names sit (bbc.co.uk). */
const COUNTRY_SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'ne', 'or', 'go', 'gob', 'nic']);

/** The site of an http(s) address as a comparable key, or null for anything else. */
export function siteKey(url: string | URL): string | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return `${registrableHost(parsed.hostname)}:${effectivePort(parsed)}`;
}

/** Both addresses are http(s) and on the same site (www., amp., m. and other subdomains alike). */
export function sameSite(a: string | URL, b: string | URL): boolean {
  const key = siteKey(a);
  return key !== null && key === siteKey(b);
}

/** The host without www./amp./m. and its other subdomains, as far as the rule above can tell. */
export function registrableHost(hostname: string): string {
  const host = hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^(?:www|amp|m)\./, '');
  // IPv4, IPv6 ([::1]) and single labels are whole.
  if (/^[\d.]+$/.test(host) || host.startsWith('[') || !host.includes('.')) return host;
  const labels = host.split('.');
  const last = labels[labels.length - 1]!;
  const second = labels[labels.length - 2]!;
  const third = labels[labels.length - 3];
  let keep = 2;
  if (last.length === 2 && COUNTRY_SECOND_LEVEL.has(second) && third !== undefined) {
    // A state's level under a country's (jaraguadosul.sc.gov.br, health.nsw.gov.au).
    keep = (second === 'gov' || second === 'edu') && third.length <= 3 && labels.length > 3 ? 4 : 3;
  }
  return labels.slice(-keep).join('.');
}

/**
 * The port, with http's and https's defaults taken as one: an http page redirected to
 * its https address stays on its site; another explicit port is another site.
 */
function effectivePort(url: URL): string {
  return url.port === '' || url.port === '80' || url.port === '443' ? '' : url.port;
}

/**
 * One publisher's sites: the same site, or the same name under another suffix
 * (businessinsider.com and businessinsider.de, bbc.com and bbc.co.uk, jaraguadosul.com.br
 * and www.jaraguadosul.sc.gov.br). A page's canonical link at its publisher's other
 * edition is not a credit to another newsroom.
 */
export function samePublisher(a: string | URL, b: string | URL): boolean {
  if (sameSite(a, b)) return true;
  const [na, nb] = [publisherNames(a), publisherNames(b)];
  return na.some((name) => nb.includes(name));
}

/** A host's name, port included: its registrable name's first label. */
function publisherNames(url: string | URL): string[] {
  const site = siteKey(url);
  if (site === null) return [];
  const host = site.slice(0, site.lastIndexOf(':'));
  const port = site.slice(site.lastIndexOf(':'));
  if (/^[\d.]+$/.test(host) || host.startsWith('[') || !host.includes('.')) return [site];
  return [`${host.split('.')[0]}${port}`];
}
