// Adds up the jest and Playwright JSON reports into one closing line.
const fs = require('fs');

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const [jestFile, playwrightFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;

const jest = readJson(jestFile);
if (jest) {
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + (jest.numRuntimeErrorTestSuites ?? 0);
} else {
  console.log('  jest report missing');
  failed += 1;
}

const playwright = readJson(playwrightFile);
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
} else {
  console.log('  playwright report missing');
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed`);
