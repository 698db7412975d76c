import type { FastifyBodyParser, FastifyInstance, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

/**
 * How deeply a JSON body may nest objects and arrays. Tandem's own bodies need three or four
 * levels; anything walking a parsed body (the NUL check, schema validation) recurses, and a
 * body thousands of levels deep would overflow the stack and answer 500.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/**
 * Parses `application/json` bodies as Fastify does (secure-json-parse, refusing `__proto__`
 * and `constructor.prototype`), after counting their nesting on the raw text, in one loop and
 * without recursion: too deep is 400 before any object is built.
 */
const jsonBody: FastifyPluginAsync = async (app) => {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, depthLimitedJsonParser(app));
};

/** The JSON parser above, for other JSON media types (SCIM's application/scim+json). */
export function depthLimitedJsonParser(app: FastifyInstance): FastifyBodyParser<string> {
  const parse = app.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    const text = String(body);
    if (!nestsDeeperThan(text, MAX_JSON_DEPTH)) return parse(request, text, done);
    const error = Object.assign(
      new Error(`A JSON body may nest objects and arrays at most ${MAX_JSON_DEPTH} levels deep.`),
      { statusCode: 400 },
    );
    done(error, undefined);
  };
}

/** Whether brackets outside string literals nest deeper than `limit`. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === BACKSLASH) i++;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) inString = true;
    else if (OPENERS.has(char) && ++depth > limit) return true;
    else if (CLOSERS.has(char)) depth--;
  }
  return false;
}

export default fp(jsonBody, { name: 'tandem-json-body' });
