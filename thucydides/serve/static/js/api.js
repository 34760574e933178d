// The HTTP API as functions. Errors come back in one shape, {"error": {code, message, detail}},
// and are thrown as ApiError. The write token lives in sessionStorage (gone when the tab closes)
// and travels only in the Authorization header: the server never accepts it from a cookie.

const TOKEN_KEY = "thucydides.token";
const REVIEWER_KEY = "thucydides.reviewer";

export class ApiError extends Error {
  constructor(status, code, message, detail) {
    super(message);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

export const auth = {
  get token() { return sessionStorage.getItem(TOKEN_KEY) || ""; },
  set token(value) {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  },
  get reviewer() { return localStorage.getItem(REVIEWER_KEY) || "analyst"; },
  set reviewer(value) { localStorage.setItem(REVIEWER_KEY, (value || "").trim() || "analyst"); },
};

async function request(path, {method = "GET", body, signal} = {}) {
  const headers = {Accept: "application/json"};
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    if (auth.token) headers.Authorization = `Bearer ${auth.token}`;
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "omit",
    signal,
  });
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    const error = (data && data.error) || {};
    throw new ApiError(response.status, error.code || "http_error", error.message || response.statusText, error.detail);
  }
  return data;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, item);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export const api = {
  meta: () => request("/meta"),
  events: (filters, {limit = 1000, offset = 0, view = "full", signal} = {}) =>
    request(`/events${query({...filters, limit, offset, view})}`, {signal}),
  event: (id) => request(`/events/${encodeURIComponent(id)}`),
  audit: (id) => request(`/events/${encodeURIComponent(id)}/audit`),
  article: (id) => request(`/articles/${encodeURIComponent(id)}`),
  control: (at) => request(`/control${query({at})}`),
  reviewQueue: (limit = 100) => request(`/review-queue${query({limit})}`),
  review: (id, action, {changes, note} = {}) =>
    request(`/events/${encodeURIComponent(id)}/review`, {
      method: "POST",
      body: {action, reviewer: auth.reviewer, ...(changes ? {changes} : {}), ...(note ? {note} : {})},
    }),
  exportUrl: (filters, format) => `/events${query({...filters, format, limit: 10000})}`,
};
