// Sign-in with the OAuth 2.0 authorization-code flow and PKCE (RFC 7636, S256), against the identity provider the
// gateway names in /dashboard-config.json: the organisation's OIDC provider, or `./tally up`'s local sign-in. The
// access token lives in this tab's sessionStorage only, and every API call sends it; the gateway and each service
// check it and the role it carries.

const SESSION = 'tally.session';
const PENDING = 'tally.signin';

let configuration = null;

/** The sign-in settings the gateway publishes. */
export async function loadConfig() {
  if (!configuration) {
    const response = await fetch('/dashboard-config.json', { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`The gateway did not give the sign-in settings (${response.status})`);
    }
    configuration = await response.json();
  }
  return configuration;
}

function base64url(bytes) {
  let text = '';
  for (const b of bytes) {
    text += String.fromCharCode(b);
  }
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function redirectUri() {
  return `${window.location.origin}/`;
}

/** Sends the browser to the identity provider; it comes back to / with a code. */
export async function signIn(config) {
  if (!config.authorizationEndpoint || !config.tokenEndpoint) {
    throw new Error('No identity provider is configured for the dashboard (TALLY_DASHBOARD_AUTHORIZATION_ENDPOINT, '
      + 'TALLY_DASHBOARD_TOKEN_ENDPOINT on the gateway)');
  }
  const verifier = random(32);
  const state = random(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, page: window.location.hash }));
  const target = new URL(config.authorizationEndpoint);
  target.searchParams.set('response_type', 'code');
  target.searchParams.set('client_id', config.clientId);
  target.searchParams.set('redirect_uri', redirectUri());
  target.searchParams.set('scope', config.scope || 'openid');
  target.searchParams.set('state', state);
  target.searchParams.set('code_challenge', await challengeOf(verifier));
  target.searchParams.set('code_challenge_method', 'S256');
  window.location.assign(target.toString());
}

/**
 * When the provider has just sent the browser back (?code=…&state=…), trades the code for a token. Returns the page to
 * go on to, or null when there was nothing to complete.
 */
export async function completeSignIn(config) {
  const query = new URLSearchParams(window.location.search);
  if (!query.has('code') && !query.has('error')) {
    return null;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  window.history.replaceState(null, '', '/' + (pending && pending.page ? pending.page : ''));
  if (query.has('error')) {
    throw new Error(`Sign-in failed: ${query.get('error_description') || query.get('error')}`);
  }
  if (!pending || pending.state !== query.get('state')) {
    throw new Error('Sign-in failed: the answer does not belong to a sign-in started here');
  }
  const response = await fetch(config.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: query.get('code'),
      redirect_uri: redirectUri(),
      client_id: config.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok || !answer.access_token) {
    throw new Error(`Sign-in failed: ${answer.error_description || answer.error || response.status}`);
  }
  const lifetime = Number(answer.expires_in) || 3600;
  sessionStorage.setItem(SESSION, JSON.stringify({
    token: answer.access_token,
    expiresAt: Date.now() + lifetime * 1000,
  }));
  return pending.page || '';
}

function claimsOf(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(Array.from(atob(payload),
      (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join('')));
  } catch (e) {
    return {};
  }
}

/**
 * The signed-in user: token, name and roles (read from the token to show who is signed in and to offer only what the
 * role may do; the server decides access), or null.
 */
export function session() {
  const stored = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
  if (!stored || stored.expiresAt <= Date.now()) {
    return null;
  }
  const claims = claimsOf(stored.token);
  // the claim the services read roles from: a name, or a path such as realm_access/roles (Keycloak)
  let roles = ((configuration && configuration.rolesClaim) || 'groups').split('/')
    .reduce((node, name) => (node && typeof node === 'object' ? node[name] : undefined), claims) || [];
  if (!Array.isArray(roles)) {
    roles = String(roles).split(/[ ,]+/);
  }
  return {
    token: stored.token,
    name: claims.preferred_username || claims.email || claims.sub || 'signed in',
    roles: roles.map((r) => String(r).toLowerCase()),
  };
}

/** Whether the user holds one of the roles. */
export function hasRole(s, ...roles) {
  return !!s && roles.some((r) => s.roles.includes(r));
}

/** Forgets the token (signing out of the dashboard, not of the provider). */
export function signOut() {
  sessionStorage.removeItem(SESSION);
}

/** The server refused the token (expired or revoked): forget it, so the next page asks to sign in. */
export function expire() {
  sessionStorage.removeItem(SESSION);
}
