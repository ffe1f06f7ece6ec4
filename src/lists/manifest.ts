// A corpus list's manifest: what `repost-radar corpus publish` writes beside the index, and
// what the extension checks before it trusts a downloaded index. Pure: only WebCrypto
// (`crypto.subtle`) and TextEncoder, which Node 20, Chrome and Firefox all have.
//
// The signature is Ed25519 over the canonical form of the manifest without `signature`:
// JSON of the known fields with keys sorted, no white space. Every value is a string or
// an integer, so that form is the same in every engine. Unknown fields are ignored and not
// signed: nothing reads them.
import { errorMessage } from '../text/error-message';

export const LIST_FORMAT_VERSION = 1;
export const LIST_FORMAT = 'repost-radar-list';

export interface ListManifest {
  readonly format: 'repost-radar-list';
  readonly formatVersion: number; // LIST_FORMAT_VERSION
  readonly name: string;
  readonly maintainer: string;
  readonly version: number; // increases with each publish
  readonly published: string; // ISO date-time
  readonly originals: number;
  readonly paragraphs: number;
  readonly bytes: number; // of the index file
  readonly sha256: string; // hex, of the index file
  readonly index: string; // URL of the index, relative to the manifest's URL
  readonly indexFormatVersion: number; // INDEX_FORMAT_VERSION of the index
  readonly publicKey: string; // base64, raw Ed25519 public key
  readonly signature: string; // base64 Ed25519 signature over the canonical manifest without `signature`
}

/** The fields a publisher fills in; signing adds the public key and the signature. */
export type ManifestFields = Omit<ListManifest, 'format' | 'formatVersion' | 'publicKey' | 'signature'>;

/** Why a list cannot be used, in words a person can read (the options page shows it). */
export class ListError extends Error {
  override name = 'ListError';
}

const STRING_FIELDS = ['name', 'maintainer', 'published', 'sha256', 'index', 'publicKey', 'signature'] as const;
const COUNT_FIELDS = ['version', 'originals', 'paragraphs', 'bytes', 'indexFormatVersion'] as const;
const MAX_TEXT = 200;

/** Every field a manifest has; anything else in a manifest file is neither kept nor signed. */
const FIELDS = ['format', 'formatVersion', ...STRING_FIELDS, ...COUNT_FIELDS] as const;
/** The signed fields, in the canonical (sorted) order. */
const SIGNED_FIELDS = FIELDS.filter((f) => f !== 'signature').sort();

/** The bytes that are signed: the manifest without `signature`, keys sorted, compact JSON. */
export function canonicalManifest(m: Omit<ListManifest, 'signature'>): Uint8Array<ArrayBuffer> {
  const fields = Object.fromEntries(SIGNED_FIELDS.map((f) => [f, m[f as keyof typeof m]]));
  return new TextEncoder().encode(JSON.stringify(fields));
}

/** Checks a manifest's shape (not its signature: that is `verifyManifest`). */
export function parseManifest(json: unknown): ListManifest {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ListError('the manifest is not a JSON object');
  }
  const o = json as Record<string, unknown>;
  if (o.format !== LIST_FORMAT)
    throw new ListError('this is not a Repost Radar list manifest (no "format": "repost-radar-list")');
  // The format version first: a newer format may change every other field.
  if (o.formatVersion !== LIST_FORMAT_VERSION) {
    throw new ListError(
      `the list is in format ${JSON.stringify(o.formatVersion)}, which this version of Repost Radar does not read (it reads ${LIST_FORMAT_VERSION})`,
    );
  }
  for (const f of STRING_FIELDS) {
    if (typeof o[f] !== 'string' || o[f] === '')
      throw new ListError(`the manifest's "${f}" is missing or not a string`);
  }
  for (const f of COUNT_FIELDS) {
    const v = o[f];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      throw new ListError(`the manifest's "${f}" is not a whole number`);
    }
  }
  const m = o as unknown as ListManifest;
  if (m.name.length > MAX_TEXT || m.maintainer.length > MAX_TEXT) {
    throw new ListError(`the manifest's name or maintainer is longer than ${MAX_TEXT} characters`);
  }
  if (m.version < 1) throw new ListError('the manifest\'s "version" must be 1 or more');
  if (!/^\d{4}-\d\d-\d\dT/.test(m.published) || Number.isNaN(Date.parse(m.published))) {
    throw new ListError(`the manifest's "published" is not a date and time: ${JSON.stringify(m.published)}`);
  }
  if (!/^[0-9a-f]{64}$/.test(m.sha256)) throw new ListError('the manifest\'s "sha256" is not 64 lower-case hex digits');
  if (decodeBase64(m.publicKey)?.length !== 32) {
    throw new ListError('the manifest\'s "publicKey" is not a base64 Ed25519 public key (32 bytes)');
  }
  if (decodeBase64(m.signature)?.length !== 64) {
    throw new ListError('the manifest\'s "signature" is not a base64 Ed25519 signature (64 bytes)');
  }
  return Object.fromEntries(FIELDS.map((f) => [f, m[f]])) as unknown as ListManifest;
}

/**
 * Checks the signature, and that it was made with `pinnedKey` when one is given (the key
 * the list had when the user subscribed: a list cannot change hands silently).
 */
export async function verifyManifest(m: ListManifest, pinnedKey?: string): Promise<void> {
  if (pinnedKey !== undefined && m.publicKey !== pinnedKey) {
    throw new ListError(
      `the list is now signed with another key (${m.publicKey}) than the one it had when you subscribed (${pinnedKey}); remove it and add it again if you trust the new key`,
    );
  }
  const publicKey = decodeBase64(m.publicKey);
  const signature = decodeBase64(m.signature);
  if (publicKey?.length !== 32) throw new ListError('the manifest\'s "publicKey" is not a 32-byte Ed25519 key');
  if (signature?.length !== 64) throw new ListError('the manifest\'s "signature" is not a 64-byte Ed25519 signature');
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    throw new ListError(
      `cannot check the list's signature here (Ed25519 unavailable or bad key): ${errorMessage(error)}`,
    );
  }
  const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, canonicalManifest(m));
  if (!ok)
    throw new ListError(
      "the manifest's signature does not match its contents (it was altered, or signed by someone else)",
    );
}

/**
 * Signs a manifest with an Ed25519 private key (PKCS8 DER bytes). The public key is taken
 * from the private key, so the two cannot disagree.
 */
export async function signManifest(fields: ManifestFields, pkcs8: Uint8Array): Promise<ListManifest> {
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('pkcs8', pkcs8 as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, true, ['sign']);
  } catch (error) {
    throw new ListError(`not an Ed25519 private key: ${errorMessage(error)}`);
  }
  const jwk = await crypto.subtle.exportKey('jwk', key);
  const raw = jwk.x === undefined ? undefined : decodeBase64(jwk.x);
  if (raw?.length !== 32) throw new ListError('cannot read the public half of the Ed25519 key');
  const unsigned = {
    format: LIST_FORMAT,
    formatVersion: LIST_FORMAT_VERSION,
    name: fields.name,
    maintainer: fields.maintainer,
    version: fields.version,
    published: fields.published,
    originals: fields.originals,
    paragraphs: fields.paragraphs,
    bytes: fields.bytes,
    sha256: fields.sha256,
    index: fields.index,
    indexFormatVersion: fields.indexFormatVersion,
    publicKey: encodeBase64(raw),
  } as const;
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key, canonicalManifest(unsigned)));
  // Checked as a subscriber will check it: a publisher never writes a manifest that fails.
  const manifest = parseManifest({ ...unsigned, signature: encodeBase64(signature) });
  await verifyManifest(manifest);
  return manifest;
}

/** SHA-256 of some bytes, as lower-case hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (atob/btoa work on strings of bytes; this on bytes). */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : '=';
  }
  return out;
}

/** Base64 or base64url, padded or not; undefined when the text is not base64. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const clean = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) return undefined;
  const out = new Uint8Array((clean.length * 3) >> 2);
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const c of clean) {
    value = ((value << 6) | ALPHABET.indexOf(c)) & 0xffff; // only the unread bits matter
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out;
}
