// The web UI end to end: `node e2e/run.mjs --binary build/quorum --out build/web/e2e`.
// Each test starts its own server on its own database; screenshots go to OUT/screenshots and
// the speed figures (next record after submit; gzipped JS of the annotate screen) are printed.
import "./flows.test.mjs";
import "./questions.test.mjs";
import "./safety.test.mjs";
import "./review.test.mjs";
