// Test identity providers for the demo and the browser tests: the certified `oidc-provider`,
// one issuer per organisation.
//   organisation acme: http://127.0.0.1:$IDP_PORT_A               (issuer at the root)
//   organisation beta: http://127.0.0.1:$IDP_PORT_B/application/o/beta/   (Authentik-style, trailing slash)
//   gamma (onboarded by a partner in the browser tests, only when IDP_PORT_G is set):
//                http://127.0.0.1:$IDP_PORT_G/realms/gamma   (Keycloak-style, no trailing slash)
// Any password is accepted on the login form; the login is the person's e-mail address.
// Each client has a back-channel logout URI: signing out at the IdP ends the Postern sessions.
//
// With IDP_ADMIN_PORT set, acme's directory also answers like Keycloak's admin REST API (what
// Postern's directory sync asks), and tests mark people disabled or deleted there:
//   POST /realms/acme/protocol/openid-connect/token   client credentials postern-sync / SYNC_SECRET
//   GET  /admin/realms/acme/users/{id}                 { id, username, email, enabled } or 404
//   POST /test/people/{id}/disable | enable | delete   (the test's hand on the directory)
//
// env: IDP_PORT_A (9400), IDP_PORT_B (9401), IDP_PORT_G (unset: no gamma), IDP_ADMIN_PORT
// (unset: no admin API), SYNC_SECRET, RP_ORIGIN (http://127.0.0.1:3000)
import http from 'node:http';
import crypto from 'node:crypto';
import Provider from 'oidc-provider';

const PORT_A = Number(process.env.IDP_PORT_A ?? 9400);
const PORT_B = Number(process.env.IDP_PORT_B ?? 9401);
const RP = process.env.RP_ORIGIN ?? 'http://127.0.0.1:3000';
const PREFIX_B = '/application/o/beta';
const PORT_G = process.env.IDP_PORT_G ? Number(process.env.IDP_PORT_G) : undefined;
const PREFIX_G = '/realms/gamma';

const PEOPLE = {
  a: {
    'alice@acme.test': { name: 'Alice Anders', groups: ['staff'] },
    'ada@acme.test': { name: 'Ada Admin', groups: ['staff', 'mail-admins'] },
    'nomail@acme.test': { name: 'Nora Nomail', groups: ['staff'] },
    'dora@acme.test': { name: 'Dora Lane', groups: ['staff'] },
  },
  b: {
    'bert@beta.test': { name: 'Bert Beta', groups: ['beta-admins'] },
    'bella@beta.test': { name: 'Bella Beta', groups: [] },
  },
  g: {
    'gina@gamma.test': { name: 'Gina Gamma', groups: ['gamma-admins'] },
    'gus@gamma.test': { name: 'Gus Gamma', groups: [] },
  },
};

function signingKeys() {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return { keys: [{ ...jwk, kid: crypto.randomUUID(), alg: 'RS256', use: 'sig' }] };
}

const SLUGS = { a: 'acme', b: 'beta', g: 'gamma' };

function makeProvider(issuer, tag) {
  const people = PEOPLE[tag];
  const provider = new Provider(issuer, {
    clients: [{
      client_id: `postern-${tag}`,
      client_secret: `postern-${tag}-test-secret`,
      token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: [`${RP}/auth/callback`],
      post_logout_redirect_uris: [`${RP}/`],
      backchannel_logout_uri: `${RP}/auth/backchannel-logout/${SLUGS[tag]}`,
      backchannel_logout_session_required: true,
      response_types: ['code'],
      grant_types: ['authorization_code'],
      // No require_auth_time: like many IdPs, auth_time comes only when the request asks
      // for it (max_age), which Postern's sign-in does.
    }],
    jwks: signingKeys(),
    cookies: {
      keys: [crypto.randomBytes(32).toString('hex')],
      // Cookies ignore ports: each provider needs its own names on 127.0.0.1.
      names: { session: `_idp_${tag}_session`, interaction: `_idp_${tag}_interaction`, resume: `_idp_${tag}_resume` },
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'groups'],
      groups: ['groups'],
    },
    conformIdTokenClaims: false,
    // oidc-provider refuses to call loopback addresses (SSRF protection); here the portal it
    // sends back-channel logouts to runs on loopback by design.
    fetch(url, options) {
      delete options.dispatcher;
      return globalThis.fetch(url, options);
    },
    pkce: { required: () => true },
    async findAccount(ctx, sub) {
      const person = people[sub] ?? { name: sub, groups: [] };
      return {
        accountId: sub,
        async claims() {
          return { sub, email: sub, email_verified: true, name: person.name, groups: person.groups };
        },
      };
    },
    // No consent screen: these are the organisation's own applications.
    async loadExistingGrant(ctx) {
      const { client, session, result } = ctx.oidc;
      const grantId = result?.consent?.grantId || session.grantIdFor(client.clientId);
      let grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (!grant || grant.accountId !== session.accountId) {
        grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      }
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
      grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: true },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          // Confirms sign-out by itself when scripts run; without them, one button does it.
          ctx.body = `<!DOCTYPE html><html lang="en"><head><title>Signing out</title></head><body>${
            form.replace('</form>', '<input type="hidden" name="logout" value="yes"/>'
              + '<button type="submit">Finish signing out</button></form>')
          }<script>document.forms[0].submit()</script></body></html>`;
        },
      },
    },
    ttl: {
      AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600,
      Grant: 3600, RefreshToken: 3600, ClientCredentials: 600, DeviceCode: 600,
      BackchannelAuthenticationRequest: 600,
    },
  });
  provider.on('server_error', (ctx, err) => console.error(`[idp ${tag}] server_error`, err));
  provider.on('backchannel.error', (ctx, err, client) => console.error(`[idp ${tag}] back-channel logout to ${client.clientId} failed`, err, err?.cause));
  provider.on('backchannel.success', (ctx, client) => console.log(`[idp ${tag}] back-channel logout sent to ${client.clientId}`));
  return provider;
}

const providerA = makeProvider(`http://127.0.0.1:${PORT_A}`, 'a');
const providerB = makeProvider(`http://127.0.0.1:${PORT_B}${PREFIX_B}/`, 'b');
const handleA = providerA.callback();

/** Serves a provider mounted under a path prefix (oidc-provider derives its mount path from
 * originalUrl minus url). */
function mounted(prefix, handle) {
  return (req, res) => {
    if (req.url === prefix || req.url.startsWith(`${prefix}/`) || req.url.startsWith(`${prefix}?`)) {
      req.originalUrl = req.url;
      req.url = req.url.slice(prefix.length) || '/';
      if (!req.url.startsWith('/')) req.url = `/${req.url}`;
      return handle(req, res);
    }
    res.writeHead(404).end('not found');
  };
}

http.createServer(handleA).listen(PORT_A, '127.0.0.1');
http.createServer(mounted(PREFIX_B, providerB.callback())).listen(PORT_B, '127.0.0.1');
console.log(`test IdP for organisation acme: ${providerA.issuer}`);
console.log(`test IdP for organisation beta: ${providerB.issuer}`);
if (PORT_G) {
  const providerG = makeProvider(`http://127.0.0.1:${PORT_G}${PREFIX_G}`, 'g');
  http.createServer(mounted(PREFIX_G, providerG.callback())).listen(PORT_G, '127.0.0.1');
  console.log(`test IdP for gamma: ${providerG.issuer}`);
}

if (process.env.IDP_ADMIN_PORT) {
  const disabled = new Set();
  const deleted = new Set();
  const issued = crypto.randomBytes(24).toString('hex');
  const secret = process.env.SYNC_SECRET ?? 'postern-sync-secret';
  const json = (res, status, body) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  http.createServer((req, res) => {
    const url = new URL(req.url, 'http://idp');
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      const token = url.pathname === '/realms/acme/protocol/openid-connect/token';
      if (req.method === 'POST' && token) {
        const form = new URLSearchParams(body);
        if (form.get('grant_type') !== 'client_credentials' || form.get('client_id') !== 'postern-sync'
          || form.get('client_secret') !== secret) {
          return json(res, 401, { error: 'unauthorized_client', error_description: 'Invalid client or Invalid client credentials' });
        }
        return json(res, 200, { access_token: issued, expires_in: 300, token_type: 'Bearer', 'not-before-policy': 0 });
      }
      const control = url.pathname.match(/^\/test\/people\/([^/]+)\/(disable|enable|delete)$/);
      if (req.method === 'POST' && control) {
        const id = decodeURIComponent(control[1]);
        disabled.delete(id); deleted.delete(id);
        if (control[2] === 'disable') disabled.add(id);
        if (control[2] === 'delete') deleted.add(id);
        return json(res, 200, { id, state: control[2] });
      }
      const user = url.pathname.match(/^\/admin\/realms\/acme\/users\/([^/]+)$/);
      if (req.method === 'GET' && user) {
        if (req.headers.authorization !== `Bearer ${issued}`) return json(res, 401, { error: 'HTTP 401 Unauthorized' });
        const id = decodeURIComponent(user[1]);
        if (deleted.has(id)) return json(res, 404, { error: 'User not found' });
        return json(res, 200, {
          id, createdTimestamp: 1733300000000, username: id, enabled: !disabled.has(id), totp: false,
          emailVerified: true, email: id, disableableCredentialTypes: [], requiredActions: [], notBefore: 0,
        });
      }
      json(res, 404, { error: 'not found' });
    });
  }).listen(Number(process.env.IDP_ADMIN_PORT), '127.0.0.1');
  console.log(`acme's directory API (Keycloak-shaped): http://127.0.0.1:${process.env.IDP_ADMIN_PORT}`);
}
