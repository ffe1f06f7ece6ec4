// Stands in for node:child_process in commander, which requires it when loaded, for
// subcommands that are programs of their own (we have none). Loading it took about 6 ms
// of every start; it is now loaded only if commander ever reaches for it.
module.exports = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });
