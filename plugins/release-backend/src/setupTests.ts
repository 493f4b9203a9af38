import { takeOpenApiProblems } from './__testUtils__/openApi';

/*
 * Every response of a test backend is checked against the OpenAPI document
 * (src/schema/openapi.yaml) as it is sent; a test whose responses break it
 * fails here, naming the operation, the status and the schema error.
 */
async function failOnOpenApiProblems() {
  // Let responses finished on the server side be checked first.
  await new Promise(resolve => setImmediate(resolve));
  const problems = takeOpenApiProblems();
  if (problems.length > 0) {
    throw new Error(
      `Responses that differ from the OpenAPI document:\n${problems.join(
        '\n',
      )}`,
    );
  }
}

afterEach(failOnOpenApiProblems);
afterAll(failOnOpenApiProblems);
