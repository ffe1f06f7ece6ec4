// Moved to src/check; kept for one release.
export * from '../check/analyze';
