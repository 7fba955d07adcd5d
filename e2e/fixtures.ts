import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import {
  type APIRequestContext,
  test as base,
  expect,
  type Locator,
  type Page,
} from "@playwright/test";
import { TOTP } from "otpauth";

export const DEMO = { account: "demo", password: "KpsDemo#2026", project: "cn-north-4" };

export type ApiSession = { token: string; projectId: string };

/** What a support engineer types as the export's reason (the server requires one by default). */
export const EXPORT_REASON = "Ticket E2E-15: journey export";
/** The same reason for exports made through the API. */
export const EXPORT_REASON_HEADERS = { "X-Export-Reason": encodeURIComponent(EXPORT_REASON) };

/** Types the reason in an open export confirmation. */
export async function giveReason(dialog: Locator, reason = EXPORT_REASON): Promise<void> {
  await dialog.getByRole("textbox", { name: /^Reason/ }).fill(reason);
}

const STEP_MS = 30_000;
// The step of the last code this worker had accepted: a code is good once, so the next sign-in
// within the same 30 s uses the next step's code (the server accepts one step ahead), or waits.
let lastStepUsed = 0;

/** The demo's MFA secret for sam, from the setup the server gives (printed at start too). */
export async function demoMfaSecret(request: APIRequestContext): Promise<string> {
  const setup = await (await request.get("/console/setup")).json();
  const secret = setup.demo?.mfa?.secret;
  expect(secret, "the demo seeded sam's virtual MFA device").toBeTruthy();
  return secret as string;
}

/**
 * A code no one has used yet, as far as this worker knows: the current step's, or the next's
 * when the current was used; past that, it waits for the clock. `used` marks one the server
 * called used (another worker took it).
 */
export async function nextTotpCode(secret: string, used?: string): Promise<string> {
  const totp = new TOTP({ secret, digits: 6, period: 30, algorithm: "SHA1" });
  if (used) {
    const now = Math.floor(Date.now() / STEP_MS);
    for (const step of [now - 1, now, now + 1]) {
      if (totp.generate({ timestamp: step * STEP_MS }) === used) {
        lastStepUsed = Math.max(lastStepUsed, step);
      }
    }
  }
  for (;;) {
    const now = Math.floor(Date.now() / STEP_MS);
    const step = Math.max(now, lastStepUsed + 1);
    if (step <= now + 1) {
      lastStepUsed = step;
      return totp.generate({ timestamp: step * STEP_MS });
    }
    await new Promise((resolve) => setTimeout(resolve, (now + 1) * STEP_MS - Date.now() + 50));
  }
}

/**
 * Enters sam's code in a field that asks for it and submits, taking the next code when the
 * server says the one sent was used (by this worker's earlier sign-in or another worker's).
 */
export async function enterTotp(
  page: Page,
  scope: Locator,
  secret: string,
  submit: Locator,
): Promise<void> {
  const field = scope.getByRole("textbox", { name: "Verification code" });
  let code = await nextTotpCode(secret);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await field.fill(code);
    const answer = page.waitForResponse(
      (response) =>
        response.url().endsWith("/v3/auth/tokens") && response.request().method() === "POST",
    );
    await submit.click();
    const response = await answer;
    if (response.status() === 201) return;
    const body = await response.json();
    expect(body.error?.error_code, "only a used code is taken again").toBe("IAM.7103");
    code = await nextTotpCode(secret, code);
  }
  throw new Error("no MFA code was accepted");
}

export async function apiSignIn(request: APIRequestContext, user = "alice"): Promise<ApiSession> {
  const response = await request.post("/v3/auth/tokens", {
    data: {
      auth: {
        identity: {
          methods: ["password"],
          password: {
            user: { name: user, password: DEMO.password, domain: { name: DEMO.account } },
          },
        },
        scope: { project: { name: DEMO.project } },
      },
    },
  });
  expect(response.status()).toBe(201);
  const body = await response.json();
  return {
    token: response.headers()["x-subject-token"] as string,
    projectId: body.token.project.id,
  };
}

export type TestKeypair = { name: string; publicKey: string; fingerprint: string };

/** Key pairs made for one test through the API, with names no other test uses. */
export class KeypairFixture {
  readonly prefix = `e2e-${randomBytes(4).toString("hex")}`;
  private readonly created: string[] = [];
  constructor(
    private readonly request: APIRequestContext,
    readonly session: ApiSession,
  ) {}

  private get headers() {
    return { "X-Auth-Token": this.session.token };
  }

  async create(
    suffix: string,
    hosted: boolean,
    options: { algorithm?: string; scope?: "user" | "domain" } = {},
  ): Promise<TestKeypair> {
    const name = `${this.prefix}-${suffix}`;
    const keypair: Record<string, unknown> = { name, ...options };
    if (hosted) keypair.key_protection = { encryption: { type: "default" } };
    const response = await this.request.post(`/v3/${this.session.projectId}/keypairs`, {
      headers: this.headers,
      data: { keypair },
    });
    expect(response.status(), await response.text()).toBe(200);
    this.created.push(name);
    const body = await response.json();
    return { name, publicKey: body.keypair.public_key, fingerprint: body.keypair.fingerprint };
  }

  async clearPrivateKey(name: string): Promise<void> {
    const response = await this.request.delete(
      `/v3/${this.session.projectId}/keypairs/${name}/private-key`,
      { headers: this.headers },
    );
    expect(response.status()).toBe(200);
  }

  async removeAll(): Promise<void> {
    for (const name of this.created) {
      await this.request.delete(`/v3/${this.session.projectId}/keypairs/${name}`, {
        headers: this.headers,
      });
    }
  }
}

const KEY_MATERIAL = /-----BEGIN|PRIVATE KEY|openssh-key-v1|b3BlbnNzaC1rZXktdjE/;

function decoded(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

export const test = base.extend<{ keypairs: KeypairFixture; leakGuard: undefined }>({
  keypairs: async ({ request }, use) => {
    const fixture = new KeypairFixture(request, await apiSignIn(request));
    await use(fixture);
    await fixture.removeAll();
  },
  // Runs with every journey: no CSP violation, no key material in console output or in any
  // URL the page requests, whatever the journey does.
  leakGuard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("console", (message) => {
        const text = message.text();
        if (
          /Content Security Policy|Refused to (load|execute|apply|connect|create|frame)/.test(text)
        ) {
          problems.push(`CSP violation: ${text.slice(0, 200)}`);
        }
        if (KEY_MATERIAL.test(text)) problems.push(`key material in console.${message.type()}`);
      });
      page.on("request", (request) => {
        if (KEY_MATERIAL.test(decoded(request.url())))
          problems.push(`key material in a URL: ${request.method()}`);
      });
      await use(undefined);
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Fills the account name until it holds exactly `account`, whatever the demo prefill does. */
export async function fillAccountName(page: Page, account: string): Promise<void> {
  const field = page.getByLabel("Account name");
  await expect(async () => {
    await field.fill(account);
    await expect(field).toHaveValue(account, { timeout: 500 });
  }).toPass();
}

/** Signs in at an address, as a link opened in a new tab would; the console stays there. */
export async function signIn(page: Page, user = "alice", address = "/"): Promise<void> {
  // The demo server fills in the account name once its setup arrives; filling the field while
  // that lands can append to it, so the journey waits for the answer and checks what it typed.
  const setup = page.waitForResponse((response) => response.url().endsWith("/console/setup"));
  await page.goto(address);
  await setup;
  await fillAccountName(page, DEMO.account);
  await page.getByLabel("User name").fill(user);
  await page.getByLabel("Password", { exact: true }).fill(DEMO.password);
  await expect(page.getByRole("combobox", { name: "Project" })).toHaveValue(DEMO.project);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (user === "sam") {
    // sam has the demo's virtual MFA device: the form asks for his code next.
    await enterTotp(
      page,
      page.locator("form"),
      await demoMfaSecret(page.request),
      page.getByRole("button", { name: "Sign in" }),
    );
  }
  await expect(page.getByRole("heading", { name: `Key pairs in ${DEMO.project}` })).toBeVisible();
}

/** Serious and critical axe violations, summarised so a failure says what broke. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // @axe-core/playwright types against its own copy of playwright-core; the object is the same.
  type AxePage = ConstructorParameters<typeof AxeBuilder>[0]["page"];
  const results = await new AxeBuilder({ page: page as unknown as AxePage }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`,
    );
}

/** No serious or critical axe violations in what is open, in light and in dark. */
export async function axeBothSchemes(page: Page, what: string): Promise<void> {
  for (const scheme of ["light", "dark"]) {
    await page.evaluate((value) => {
      document.documentElement.setAttribute("data-mantine-color-scheme", value);
    }, scheme);
    expect(await seriousViolations(page), `${what} (${scheme})`).toEqual([]);
  }
  await page.evaluate(() =>
    document.documentElement.setAttribute("data-mantine-color-scheme", "light"),
  );
}
