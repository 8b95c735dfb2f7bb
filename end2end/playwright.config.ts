import { defineConfig } from '@playwright/test';

// The browser tests run every flow twice: with JavaScript off (plain server-rendered forms)
// and hydrated (islands running). Playwright starts the three servers below and waits
// until each answers. Ports differ from the demo's so both can run at once.
const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const launchOptions = { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs };

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: 'http://127.0.0.1:3100',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'no-js', use: { browserName: 'chromium', javaScriptEnabled: false, launchOptions } },
    { name: 'hydrated', use: { browserName: 'chromium', javaScriptEnabled: true, launchOptions } },
  ],
  webServer: [
    {
      command: 'node idp/server.mjs',
      env: {
        IDP_PORT_A: '9410', IDP_PORT_B: '9411', IDP_PORT_G: '9412', IDP_ADMIN_PORT: '9413',
        SYNC_SECRET: 'postern-sync-e2e-secret', RP_ORIGIN: 'http://127.0.0.1:3100',
      },
      url: 'http://127.0.0.1:9410/.well-known/openid-configuration',
      reuseExistingServer: false,
      stdout: 'pipe',
    },
    {
      // The debug build `cargo test` already made: the simulator's speed does not matter here.
      command: '../target/debug/postern-testkit stalwart --listen 127.0.0.1:18180 --seed ../demo/stalwart-seed.json',
      url: 'http://127.0.0.1:18180/healthz/live',
      reuseExistingServer: false,
    },
    {
      // An SMTP server for the portal's notification e-mails; tests read what arrived.
      command: '../target/debug/postern-testkit smtp --listen 127.0.0.1:2525 --http 127.0.0.1:2526',
      url: 'http://127.0.0.1:2526/healthz',
      reuseExistingServer: false,
    },
    {
      // DNS for the domains partners prove (gamma.test); tests publish records over HTTP.
      // delta.test is asked of the Knot below, as a recursive resolver would.
      command: '../target/debug/postern-testkit dns --listen 127.0.0.1:5310 --control 127.0.0.1:5311 --zone gamma.test'
        + ' --forward delta.test=127.0.0.1:5357',
      url: 'http://127.0.0.1:5311/healthz',
      reuseExistingServer: false,
    },
    {
      // A real DNS server (Debian's Knot) holding delta.test, which the mail server publishes
      // into with RFC 2136 updates signed with this TSIG key (a test key).
      command: '../target/debug/postern-testkit knot --port 5357 --control 127.0.0.1:5358'
        + ' --secret cG9zdGVybi1lMmUta25vdC10c2lnLXNlY3JldC0zMmI= --zone delta.test',
      url: 'http://127.0.0.1:5358/healthz',
      reuseExistingServer: false,
    },
    {
      // Run from the workspace root so the server finds target/site. First an operator adds
      // a mail server the way a scripted setup would, so the database holds a sealed API key
      // (the test command then checks that no secret is readable in target/e2e). The key file
      // lives outside target/e2e, which the scan reads.
      command: 'cd .. && rm -rf target/e2e target/e2e-input && mkdir -p target/e2e target/e2e-input'
        + ' && printf "%s\\n" "$SPARE_API_KEY" > target/e2e-input/spare.key'
        + ' && ./target/debug/server --config end2end/postern.e2e.toml mail-server add spare'
        + ' --url http://127.0.0.1:18180 --api-key-file target/e2e-input/spare.key'
        + ' && ./target/debug/server --config end2end/postern.e2e.toml 2>&1 | tee target/e2e/server.log',
      env: {
        POSTERN_LOG: 'info',
        // A test key (32 bytes, base64); real deployments keep theirs out of any file in git.
        POSTERN_SECRETS_KEY: 'cG9zdGVybi1lMmUtc2VjcmV0cy1rZXktMzItYnl0ZXM=',
        SPARE_API_KEY: 'API_AAAABAAAAAE36wtxGna-JL_wnbLTc5nR2teWbQ',
      },
      url: 'http://127.0.0.1:3100/healthz/ready',
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
