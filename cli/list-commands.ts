import type { Command } from 'commander';

// `corpus keygen` and `corpus publish`: a corpus list any static host can serve (docs/corpus.md,
// "Publishing a corpus list"). The work is in publish.ts, loaded only when one of these runs:
// it needs node:crypto, which took about 7 ms of every other command's start.

export const INDEX_FILE = 'corpus.rrx';
export const MANIFEST_FILE = 'manifest.json';

export interface PublishOptions {
  out: string;
  key: string;
  name: string;
  maintainer: string;
  version?: string;
}

export function registerListCommands(corpus: Command): void {
  corpus
    .command('keygen')
    .description('make an Ed25519 key to sign corpus lists with; prints the public key')
    .requiredOption('-o, --out <key.pem>', 'where to write the private key (PKCS8 PEM, readable by you only)')
    .action(async (options: { out: string }) => (await import('./publish')).keygen(options.out));

  corpus
    .command('publish')
    .description(`write a signed corpus list to a folder any static host can serve: ${INDEX_FILE} and ${MANIFEST_FILE}`)
    .argument('<index>', 'a built index (repost-radar corpus build)')
    .requiredOption('-o, --out <dir>', 'the folder to publish into')
    .requiredOption('--key <key.pem>', 'the Ed25519 private key (repost-radar corpus keygen)')
    .requiredOption('--name <name>', "the list's name, as subscribers see it")
    .requiredOption('--maintainer <who>', 'who maintains the list (a name, an address)')
    .option('--version <n>', "this publication's version (default: the folder's last version + 1, or 1)")
    .action(async (indexPath: string, options: PublishOptions) =>
      (await import('./publish')).publish(indexPath, options),
    );
}
