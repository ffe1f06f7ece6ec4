// Stands in for cssomnom's CSS parser in the compiled command line. linkedom uses it
// only for a <style> element's `.sheet`, which extraction never reads; the parser is
// 340 KB, a third of the HTML reader's code, compiled on every start (docs/architecture.md).
export function parse() {
  throw new Error('style sheets are not parsed by the Repost Radar command line');
}
