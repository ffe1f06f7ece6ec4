import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDEX_FORMAT_VERSION, summarizeIndex, verifyIndex } from '../src/corpus/index-file';
import { ListError, parseManifest, sha256Hex, signManifest, type ListManifest } from '../src/lists/manifest';
import { readIndexFile } from './load-corpus';
import { InputError, pathKind } from './inputs';
import { INDEX_FILE, MANIFEST_FILE, type PublishOptions } from './list-commands';

// `corpus keygen` and `corpus publish` (registered in list-commands.ts). The manifest format
// and its checks are src/lists/manifest.ts.

/** Writes a new Ed25519 signing key to `out` and prints its public key. */
export function keygen(out: string): void {
  if (existsSync(out)) throw new InputError(`${out} already exists: a signing key is never overwritten`);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  try {
    writeFileSync(out, pem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    throw new InputError(`cannot write ${out}: ${(error as Error).message}`);
  }
  process.stdout.write(`${rawPublicKey(publicKey)}\n`);
  process.stderr.write(`private key -> ${out} (keep it secret; the line above is the public key)\n`);
}

/** Writes a signed corpus list (the index and its manifest) to `options.out`. */
export async function publish(indexPath: string, options: PublishOptions): Promise<void> {
  const bytes = readIndexFile(indexPath);
  verifyIndex(bytes); // throws CorpusError for a damaged index, blocks included
  const summary = summarizeIndex(bytes);
  const pkcs8 = readPrivateKey(options.key);
  const previous = readPreviousManifest(options.out);
  const version = chooseVersion(options.version, previous);
  if (previous !== undefined) {
    const publicKey = rawPublicKey(
      createPublicKey(createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' })),
    );
    if (publicKey !== previous.publicKey) {
      throw new InputError(
        `${join(options.out, MANIFEST_FILE)} was signed with another key (${previous.publicKey}); subscribers pinned that key and would refuse this list`,
      );
    }
  }
  let manifest: ListManifest;
  try {
    manifest = await signManifest(
      {
        name: options.name,
        maintainer: options.maintainer,
        version,
        published: new Date().toISOString(),
        originals: summary.originals,
        paragraphs: summary.paragraphs,
        bytes: bytes.length,
        sha256: await sha256Hex(bytes),
        index: INDEX_FILE,
        indexFormatVersion: INDEX_FORMAT_VERSION,
      },
      pkcs8,
    );
  } catch (error) {
    if (error instanceof ListError) throw new InputError(error.message);
    throw error;
  }
  try {
    mkdirSync(options.out, { recursive: true });
    // The index first, then the manifest, each by rename: a reader never sees half a file,
    // and a manifest is never published before its index.
    writeAtomically(join(options.out, INDEX_FILE), bytes);
    writeAtomically(join(options.out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  } catch (error) {
    throw new InputError(`cannot write to ${options.out}: ${(error as Error).message}`);
  }
  process.stderr.write(
    `${options.name} version ${version}: ${summary.originals} originals, ${(bytes.length / 1024).toFixed(1)} KiB -> ${options.out}\n`,
  );
}

/** The raw 32-byte Ed25519 public key, base64 (what the manifest and subscribers use). */
function rawPublicKey(key: KeyObject): string {
  const x = key.export({ format: 'jwk' }).x;
  if (x === undefined) throw new InputError('not an Ed25519 key');
  return Buffer.from(x, 'base64url').toString('base64');
}

function readPrivateKey(path: string): Uint8Array {
  if (pathKind(path) !== 'file') throw new InputError(`cannot read key ${path}: no such file`);
  let key: KeyObject;
  try {
    key = createPrivateKey(readFileSync(path));
  } catch {
    throw new InputError(`${path} is not a private key (make one with \`repost-radar corpus keygen\`)`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new InputError(`${path} is a ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
  }
  return new Uint8Array(key.export({ type: 'pkcs8', format: 'der' }));
}

function readPreviousManifest(dir: string): ListManifest | undefined {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return undefined;
  try {
    return parseManifest(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new InputError(`${path} is there but unreadable (${(error as Error).message}); move it away to start over`);
  }
}

function chooseVersion(given: string | undefined, previous: ListManifest | undefined): number {
  if (given === undefined) return (previous?.version ?? 0) + 1;
  const version = Number(given);
  if (!/^\d+$/.test(given) || !Number.isSafeInteger(version) || version < 1) {
    throw new InputError(`--version must be a whole number from 1, not ${given}`);
  }
  if (previous !== undefined && version <= previous.version) {
    throw new InputError(
      `--version ${version} is not above the published version ${previous.version}: subscribers would refuse it`,
    );
  }
  return version;
}

function writeAtomically(path: string, data: Uint8Array | string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}
