// Test identity providers for the demo and the browser tests: the certified `oidc-provider`,
// one issuer per organisation.
//   organisation acme: http://127.0.0.1:$IDP_PORT_A               (issuer at the root)
//   organisation beta: http://127.0.0.1:$IDP_PORT_B/application/o/beta/   (Authentik-style, trailing slash)
//   gamma (onboarded by a partner in the browser tests, only when IDP_PORT_G is set):
//                http://127.0.0.1:$IDP_PORT_G/realms/gamma   (Keycloak-style, no trailing slash)
// Any password is accepted on the login form; the login is the person's e-mail address.
//
// env: IDP_PORT_A (9400), IDP_PORT_B (9401), IDP_PORT_G (unset: no gamma), RP_ORIGIN (http://127.0.0.1:3000)
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

function makeProvider(issuer, tag) {
  const people = PEOPLE[tag];
  const provider = new Provider(issuer, {
    clients: [{
      client_id: `postern-${tag}`,
      client_secret: `postern-${tag}-test-secret`,
      token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: [`${RP}/auth/callback`],
      post_logout_redirect_uris: [`${RP}/`],
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
