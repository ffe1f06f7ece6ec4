import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Article } from '../src/extract/article';
import { articleFromText } from '../src/extract/article';

/** Bad input the user can fix: reported as one line, exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}

/** What is at `path`: a file, a folder, or nothing readable. */
export function pathKind(path: string): 'file' | 'folder' | null {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

/** A web archive, by its name: .warc or .warc.gz. */
export const isWarc = (path: string): boolean => /\.warc(?:\.gz)?$/i.test(path);

/** Pages larger than this are refused rather than left to exhaust memory. */
export const MAX_PAGE_BYTES = 50 * 1024 * 1024;

export function readPageBytes(path: string): Uint8Array {
  if (path === '-') return readFileSync(0);
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError(`${path} is a folder, not a page`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${path}: no such file`);
  }
  if (size > MAX_PAGE_BYTES) {
    throw new InputError(
      `${path} is ${(size / 1048576).toFixed(0)} MB; pages over ${MAX_PAGE_BYTES / 1048576} MB are not read`,
    );
  }
  return readFileSync(path);
}

/** Decodes a page's bytes as text, refusing binary files and empty ones. */
export function decodePage(bytes: Uint8Array, name: string): string {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new InputError(`${name} looks like a binary file, not a web page or text`);
  const text = new TextDecoder('utf-8').decode(bytes);
  const replaced = (text.slice(0, 8192).match(/\uFFFD/g) ?? []).length;
  if (replaced > 16) throw new InputError(`${name} is not UTF-8 text (a binary file, or another encoding)`);
  if (text.trim() === '') throw new InputError(`${name} is empty`);
  return text;
}

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);

export function looksLikeHtml(text: string, name: string): boolean {
  if (HTML_EXTENSIONS.has(extname(name).toLowerCase())) return true;
  if (extname(name).toLowerCase() === '.txt') return false;
  return (
    /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text) ||
    /<(?:p|div|article)[\s>]/i.test(text.slice(0, 4096))
  );
}

/**
 * The HTML extractor (linkedom and Readability: most of the command line's code),
 * loaded the first time a page is HTML, so that checking a text starts faster.
 */
export async function htmlReader(): Promise<typeof import('../src/extract/parse-html').articleFromHtml> {
  return (await import('../src/extract/parse-html')).articleFromHtml;
}

/** Reads one page (HTML is extracted as the extension would; text is split into paragraphs). */
export function readArticle(path: string, url = ''): Promise<Article> {
  const name = path === '-' ? 'standard input' : path;
  const text = decodePage(readPageBytes(path), name);
  return pageToArticle(text, name, url);
}

export async function pageToArticle(text: string, name: string, url = ''): Promise<Article> {
  return looksLikeHtml(text, name) ? (await htmlReader())(text, url) : articleFromText(text, url);
}
