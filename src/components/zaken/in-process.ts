/**
 * Reading a resource of an API served by this process without HTTP: the GET operation whose
 * path matches the URL is called directly (operation handlers never touch Fastify), so the
 * answer is exactly what the API would serve. Used to expand URLs to their resources and to
 * look up Catalogi resources.
 */
import type { FastifyRequest } from 'fastify';
import type { Authorization } from '../../platform/auth/authorization.ts';
import type { HandlerResult, Operation } from '../../platform/http/api.ts';
import { ProblemError } from '../../platform/http/problem.ts';

interface Route {
  pattern: RegExp;
  names: string[];
  operation: Operation;
}

export class InProcessApi {
  readonly #root: string;
  readonly #operations: () => Operation[];
  #routes: Route[] | undefined;

  /**
   * @param root the API root's path, `/zaken/api/v1`
   * @param operations the API's operations (a thunk: an API may read itself)
   */
  constructor(root: string, operations: () => Operation[]) {
    this.#root = root;
    this.#operations = operations;
  }

  /** The API root's path. */
  get root(): string {
    return this.#root;
  }

  /** Whether `path` (without host) lies under this API. */
  serves(path: string): boolean {
    return path.startsWith(`${this.#root}/`);
  }

  /**
   * GETs `path` (under the root, without host) as `auth`, with the query parameters given;
   * `origin` is the scheme and host the resource's own URLs are made on. A problem the
   * operation throws comes back as its status, as it would over HTTP.
   */
  async get(path: string, origin: string, auth: Authorization, query: Record<string, string> = {}): Promise<HandlerResult> {
    const relative = path.slice(this.#root.length);
    for (const route of this.#table()) {
      const match = route.pattern.exec(relative);
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!).toLowerCase()]));
      // Handlers read the request only for list paging; an in-process read is never a list page.
      const request = { query, headers: {} } as unknown as FastifyRequest;
      try {
        return await route.operation.handler({ params, query, body: undefined, auth, apiRoot: `${origin}${this.#root}`, request });
      } catch (error) {
        if (error instanceof ProblemError) return { status: error.status, body: error.toProblem() };
        throw error;
      }
    }
    return { status: 404 };
  }

  #table(): Route[] {
    this.#routes ??= this.#operations()
      .filter((o) => o.method === 'GET' && o.params)
      .map((operation) => {
        const names: string[] = [];
        const source = operation.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
          names.push(name);
          return '([0-9a-fA-F-]{36})';
        });
        return { pattern: new RegExp(`^${source}$`), names, operation };
      });
    return this.#routes;
  }
}
