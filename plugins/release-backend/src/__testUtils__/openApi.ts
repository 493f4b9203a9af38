import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { IncomingMessage, Server, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import * as zlib from 'node:zlib';
import { parse } from 'yaml';

/** Where the plugin's API is mounted in a backend. */
export const API_BASE = '/api/release';

export const OPENAPI_PATH = resolve(__dirname, '../schema/openapi.yaml');

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

type Json = Record<string, any>;

/** The plugin's OpenAPI document, parsed. */
export function loadOpenApiDocument(): Json {
  return parse(readFileSync(OPENAPI_PATH, 'utf8'));
}

/** A response as the server sent it. */
export type ObservedResponse = {
  method: string;
  /** The path below {@link API_BASE}, without the query string. */
  path: string;
  status: number;
  contentType?: string;
  body: string;
};

const pointer = (...segments: string[]) =>
  `#/${segments
    .map(s => s.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/')}`;

function resolveLocal(document: Json, ref: string): Json {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, key) => node?.[key], document);
}

/**
 * Checks responses against the OpenAPI document: the operation exists, the
 * status is documented for it, and a JSON body validates against the
 * documented schema.
 */
export class OpenApiResponseValidator {
  private readonly ajv: Ajv2020;
  private readonly templates: Array<{ template: string; pattern: RegExp }>;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly document: Json = loadOpenApiDocument()) {
    this.ajv = new Ajv2020({
      allErrors: true,
      allowUnionTypes: true,
      strictTypes: true,
    });
    addFormats(this.ajv);
    // The document's own keys, so that it can be added whole and its
    // schemas keep their `#/components/...` references.
    for (const keyword of Object.keys(document)) {
      this.ajv.addKeyword({ keyword });
    }
    this.ajv.addSchema(document, 'openapi');
    // Literal paths first: `/releases/breakdown` before `/releases/{id}`.
    this.templates = Object.keys(document.paths ?? {})
      .map(template => ({
        template,
        params: (template.match(/\{/g) ?? []).length,
        pattern: new RegExp(
          `^${template
            .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
            .replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`,
        ),
      }))
      .sort((a, b) => a.params - b.params);
  }

  /** The documented path template a request path falls under. */
  templateOf(path: string): string | undefined {
    return this.templates.find(t => t.pattern.test(path))?.template;
  }

  /** What is wrong with a response, or undefined when it is as documented. */
  check(response: ObservedResponse): string | undefined {
    const method = response.method.toLowerCase();
    const template = this.templateOf(response.path);
    const operation = template
      ? this.document.paths[template][method]
      : undefined;
    const name = `${response.method.toUpperCase()} ${
      template ?? response.path
    }`;
    if (!operation) {
      // A request for an operation the API does not have must be refused
      // as one: 404, or 405 for a known path.
      return [404, 405].includes(response.status)
        ? undefined
        : `${name}: the operation is not in the OpenAPI document (status ${response.status})`;
    }
    const label = `${name} (${operation.operationId}) answered ${response.status}`;
    const responsePointer = [
      'paths',
      template!,
      method,
      'responses',
      String(response.status),
    ];
    let documented: Json | undefined = operation.responses?.[response.status];
    if (!documented) {
      return `${label}, a status its documented responses do not list: ${response.body.slice(
        0,
        500,
      )}`;
    }
    let location = responsePointer;
    if (documented.$ref) {
      location = documented.$ref.replace(/^#\//, '').split('/');
      documented = resolveLocal(this.document, documented.$ref);
    }
    const mediaType = response.contentType?.split(';')[0].trim();
    const content: Json | undefined = documented?.content;
    if (!content) {
      return response.body.length > 0
        ? `${label} with a body, but the document gives that status no content`
        : undefined;
    }
    if (!mediaType || !content[mediaType]) {
      return `${label} with content type ${mediaType}, documented: ${Object.keys(
        content,
      ).join(', ')}`;
    }
    if (mediaType !== 'application/json') {
      return undefined;
    }
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return `${label} with a body that is not JSON: ${response.body.slice(
        0,
        200,
      )}`;
    }
    const schemaRef = `openapi${pointer(
      ...location.map(s => s.replace(/~1/g, '/').replace(/~0/g, '~')),
      'content',
      mediaType,
      'schema',
    )}`;
    let validate = this.compiled.get(schemaRef);
    if (!validate) {
      validate = this.ajv.compile({ $ref: schemaRef });
      this.compiled.set(schemaRef, validate);
    }
    if (validate(body)) {
      return undefined;
    }
    const errors = (validate.errors ?? [])
      .map(
        e =>
          `${e.instancePath || '(body)'} ${e.message}${
            e.params && Object.keys(e.params).length > 0
              ? ` ${JSON.stringify(e.params)}`
              : ''
          } [${e.schemaPath}]`,
      )
      .join('\n    ');
    return `${label} with a body that breaks its schema:\n    ${errors}\n  body: ${response.body.slice(
      0,
      1000,
    )}`;
  }
}

let sharedValidator: OpenApiResponseValidator | undefined;
const problems: string[] = [];

/** The problems found since the last call, emptying the list. */
export function takeOpenApiProblems(): string[] {
  return problems.splice(0, problems.length);
}

function decode(chunks: Buffer[], encoding: unknown): string {
  const raw = Buffer.concat(chunks);
  switch (encoding) {
    case 'gzip':
      return zlib.gunzipSync(raw).toString('utf8');
    case 'deflate':
      return zlib.inflateSync(raw).toString('utf8');
    case 'br':
      return zlib.brotliDecompressSync(raw).toString('utf8');
    default:
      return raw.toString('utf8');
  }
}

function toBuffer(chunk: unknown, encoding?: unknown): Buffer | undefined {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') {
    return undefined;
  }
  if (typeof chunk === 'string') {
    return Buffer.from(
      chunk,
      typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
    );
  }
  return Buffer.from(chunk as Uint8Array);
}

/**
 * Checks every response the server gives under {@link API_BASE} against
 * the OpenAPI document, whoever asks (supertest, fetch). What is wrong is
 * collected for {@link takeOpenApiProblems}; the tests' setup fails the
 * running test with it.
 */
export function checkResponsesAgainstOpenApi<T extends Server>(server: T): T {
  sharedValidator ??= new OpenApiResponseValidator();
  const validator = sharedValidator;
  server.prependListener(
    'request',
    (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (
        !url.pathname.startsWith(`${API_BASE}/`) ||
        // The permission framework's endpoints, served by Backstage itself.
        url.pathname.startsWith(`${API_BASE}/.well-known/`) ||
        req.method === 'HEAD' ||
        req.method === 'OPTIONS'
      ) {
        return;
      }
      const chunks: Buffer[] = [];
      const write = res.write;
      const end = res.end;
      res.write = function capture(this: ServerResponse, ...args: any[]) {
        const chunk = toBuffer(args[0], args[1]);
        if (chunk) chunks.push(chunk);
        return (write as Function).apply(this, args);
      } as typeof res.write;
      res.end = function capture(this: ServerResponse, ...args: any[]) {
        const chunk = toBuffer(args[0], args[1]);
        if (chunk) chunks.push(chunk);
        return (end as Function).apply(this, args);
      } as typeof res.end;
      res.on('finish', () => {
        let problem: string | undefined;
        try {
          problem = validator.check({
            method: req.method ?? 'GET',
            path: url.pathname.slice(API_BASE.length),
            status: res.statusCode,
            contentType: res.getHeader('content-type')?.toString(),
            body: decode(chunks, res.getHeader('content-encoding')),
          });
        } catch (error) {
          problem = `Could not check the response: ${error}`;
        }
        if (problem) {
          problems.push(`${problem}\n  request: ${req.method} ${req.url}`);
        }
      });
    },
  );
  return server;
}
