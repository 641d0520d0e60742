import type {
  ApiErrorBody,
  ErrorCode,
  ErrorDetails,
  FieldError,
  RefreshResponse,
} from '@chat/contracts';

/** A failed API call, carrying the contract's error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  /** The fields that failed (VALIDATION); empty otherwise. */
  readonly details: FieldError[];
  /** With RATE_LIMITED: how long until the call would be accepted. */
  readonly retryAfterMs: number | null;

  constructor(status: number, code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = Array.isArray(details) ? details : [];
    this.retryAfterMs = details && !Array.isArray(details) ? details.retryAfterMs : null;
  }

  /** Field errors keyed by the first segment of their path (`displayName`, `body`). */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const detail of this.details) {
      const field = detail.path.split('.')[0] || 'form';
      byField[field] ??= detail.message;
    }
    return byField;
  }
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

// The access token lives in memory only; a reload gets a new one from the refresh cookie.
let accessToken: string | null = null;
const sessionExpiredListeners = new Set<() => void>();

export function getAccessToken(): string | null {
  return accessToken;
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

/** Called when the session can no longer be refreshed: the app signs the user out. */
export function onSessionExpired(listener: () => void): () => void {
  sessionExpiredListeners.add(listener);
  return () => sessionExpiredListeners.delete(listener);
}

let refreshing: Promise<string | null> | null = null;

/**
 * Trades the refresh cookie for a new access token; null when there is no valid cookie.
 * Concurrent callers share one request, and tabs take turns through a Web Lock, because
 * the cookie rotates on every use and presenting an old one revokes the whole family.
 */
export function refreshAccessToken(): Promise<string | null> {
  refreshing ??= withRefreshLock(requestRefresh).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function requestRefresh(): Promise<string | null> {
  try {
    const response = await fetch('/api/auth/refresh', { method: 'POST', credentials: 'include' });
    if (!response.ok) return null;
    const body = (await response.json()) as RefreshResponse;
    accessToken = body.accessToken;
    return body.accessToken;
  } catch {
    return null;
  }
}

function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? locks.request('chat-auth-refresh', task) : task();
}

export type QueryParams = Record<string, string | number | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
}

/** The one way the app talks REST: JSON in and out, bearer token, one refresh on expiry. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const sentToken = accessToken;
  const response = await send(path, options, sentToken);
  if (response.status === 401 && sentToken !== null) {
    const error = await toApiError(response);
    if (error.code !== 'UNAUTHORIZED' && error.code !== 'TOKEN_EXPIRED') throw error;
    const fresh = await refreshAccessToken();
    if (fresh === null) {
      expireSession();
      throw error;
    }
    return parse<T>(await send(path, options, fresh));
  }
  return parse<T>(response);
}

/** Drops the token and tells the app the session is over (refresh failed, socket refused). */
export function expireSession(): void {
  accessToken = null;
  for (const listener of sessionExpiredListeners) listener();
}

function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(withQuery(path, options.query), {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'include',
    signal: options.signal,
  });
}

export function withQuery(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function parse<T>(response: Response): Promise<T> {
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> = {};
  try {
    body = (await response.clone().json()) as Partial<ApiErrorBody>;
  } catch {
    // Not JSON (a proxy's error page, say): fall back to the status line.
  }
  return new ApiError(
    response.status,
    body.code ?? (response.status >= 500 ? 'INTERNAL' : 'VALIDATION'),
    body.message ?? (response.statusText || `Request failed (${response.status})`),
    body.details,
  );
}
