/**
 * Host names of a test network, resolved by the harness itself: a vendor's LAS in a container or on another machine is
 * reached by its own name (the name its server certificate carries) without editing /etc/hosts or a DNS server. A name
 * in the map goes to its address; any other name is looked up as usual.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';

/** Host name → IP address. */
export type Namen = Readonly<Record<string, string>>;

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for net, tls, http and https connections that knows the names of the map first. */
export function lookupVia(namen: Namen): (hostname: string, options: LookupOptions, callback: LookupCallback) => void {
  const bekend = new Map(Object.entries(namen).map(([naam, adres]) => [naam.toLowerCase(), adres]));
  return (hostname, options, callback) => {
    const adres = bekend.get(hostname.toLowerCase());
    if (adres === undefined) return dnsLookup(hostname, options, callback as never);
    const family = isIP(adres);
    if (options.all) return callback(null, [{ address: adres, family }]);
    callback(null, adres, family);
  };
}

/** A malformed entry of a name map (for configuration checks): an empty name, or an address that is not an IP address. */
export function ongeldigeNaam(namen: Namen): string | undefined {
  for (const [naam, adres] of Object.entries(namen)) {
    if (!naam || isIP(naam)) return `'${naam}' is not a host name`;
    if (!isIP(adres)) return `'${adres}' (for ${naam}) is not an IP address`;
  }
  return undefined;
}
