#!/usr/bin/env bash
# Every test, after a build: the unit tests (no Docker), then the end-to-end tests under test/e2e/ on a lab of
# Docker ships that the tests start and stop (test/e2e/.mocharc.json). Both always run; either failing fails.
set -u
cd "$(dirname "$0")/.."
status=0
npx mocha --ignore 'dist/test/e2e/**' 'dist/test/**/*.test.js' || status=1
npx mocha --config test/e2e/.mocharc.json 'dist/test/e2e/**/*.test.js' || status=1
exit "$status"
