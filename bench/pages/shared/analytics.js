// The benchmark's stand-in for a consented analytics tag: it records when it
// ran (ms after navigation start) and does nothing else.
window.__analyticsRanAt = performance.now();
