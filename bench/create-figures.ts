// "Create, click to key offered" for each algorithm: from the click on Create to the first frame
// that offers <name>.pem, beside the bare POST of the same body from the same page.
import type { Page } from "@playwright/test";
import { armWatch, elapsed } from "./page-watch.ts";
import { median } from "./stats.ts";

const ALGORITHMS = [
  ["ED25519", "SSH_ED25519"],
  ["ECDSA P-256", "ECDSA_NISTP256"],
  ["ECDSA P-384", "ECDSA_NISTP384"],
  ["ECDSA P-521", "ECDSA_NISTP521"],
  ["RSA 2048", "SSH_RSA_2048"],
  ["RSA 3072", "SSH_RSA_3072"],
  ["RSA 4096", "SSH_RSA_4096"],
] as const;

const round = (n: number) => Math.round(n * 10) / 10;

type Api = { token: string; projectId: string; base: string };

export type CreateRow = {
  algorithm: string;
  "click to key offered ms": number;
  "bare POST baseline ms": number;
  "over baseline ms": number;
};

async function createInDialog(page: Page, name: string, label: string): Promise<number> {
  await page.getByRole("button", { name: "Create key pair" }).click();
  const dialog = page.getByRole("dialog", { name: "Create a key pair" });
  await dialog.getByLabel(/^Name/).fill(name);
  await dialog.getByLabel("Algorithm").selectOption({ label });
  const offered = await armWatch(
    page,
    "__kpsKeyOffered",
    "click",
    `Array.from(document.querySelectorAll('[role="dialog"] button'), (b) => b.textContent || "").includes(${JSON.stringify(`Download ${name}.pem`)})`,
    // RSA 4096 on a busy 2-core machine has taken 8 s for the bare POST alone.
    180_000,
  );
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  const ms = await elapsed(offered).catch((error: unknown) => {
    throw new Error(`create ${label} (${name}): ${String(error)}`);
  });
  const offer = page.getByRole("dialog", { name: `Key pair ${name} created` });
  // By keyboard: the "created" notifications stack up bottom-left on a slow machine and can cover
  // the checkbox, and a pointer resting on one pauses its closing, so a click never lands.
  const dismiss = offer.getByRole("checkbox", { name: "I do not need the private key" });
  await dismiss.press("Space");
  if (!(await dismiss.isChecked())) throw new Error(`create ${label}: the dismissal did not tick`);
  await offer.getByRole("button", { name: "Done" }).press("Enter");
  await offer.waitFor({ state: "hidden" });
  return ms;
}

/** The same body, hosted, straight from the page: what the dialog adds is the difference. */
function barePost(page: Page, api: Api, name: string, algorithm: string): Promise<number> {
  return page.evaluate(
    async ({ url, token, body }) => {
      const t0 = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: { "x-auth-token": token, "content-type": "application/json" },
        body,
      });
      await response.json();
      return performance.now() - t0;
    },
    {
      url: `${api.base}/v3/${api.projectId}/keypairs`,
      token: api.token,
      body: JSON.stringify({
        keypair: {
          name,
          type: "ssh",
          scope: "user",
          ...(algorithm === "SSH_RSA_2048" ? {} : { algorithm }),
          key_protection: { encryption: { type: "default" } },
        },
      }),
    },
  );
}

/** Signed in on `page` as api's user; removes every key pair it makes. */
export async function createFigures(page: Page, api: Api, runs: number): Promise<CreateRow[]> {
  const made: string[] = [];
  const rows: CreateRow[] = [];
  try {
    for (const [label, algorithm] of ALGORITHMS) {
      const clicks: number[] = [];
      const bare: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const ui = `bench-create-${algorithm.toLowerCase()}-${run}`;
        const direct = `${ui}-bare`;
        made.push(ui, direct);
        clicks.push(await createInDialog(page, ui, label));
        bare.push(await barePost(page, api, direct, algorithm));
      }
      rows.push({
        algorithm: label,
        "click to key offered ms": round(median(clicks)),
        "bare POST baseline ms": round(median(bare)),
        "over baseline ms": round(median(clicks) - median(bare)),
      });
    }
  } finally {
    for (const name of made) {
      await fetch(`${api.base}/v3/${api.projectId}/keypairs/${name}`, {
        method: "DELETE",
        headers: { "x-auth-token": api.token },
      });
    }
  }
  return rows;
}
