import type { TestGateway } from './gateway';

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  json: any;
}

/** A request to the gateway without the JSON helper: raw bodies, other methods and headers. */
export async function raw(t: TestGateway, path: string, init: RequestInit = {}): Promise<RawResponse> {
  const res = await fetch(`${t.url}${path}`, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, json };
}

export function postRaw(t: TestGateway, body: string, contentType = 'application/json'): Promise<RawResponse> {
  return raw(t, '/graphql', { method: 'POST', headers: { 'content-type': contentType }, body });
}

export const ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL'];
export const CHINESE = /[\u4e00-\u9fa5]/;
