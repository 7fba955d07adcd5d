import { expect, signIn, test } from "./fixtures.ts";

// The proxy journeys' console server has no CTS_ENDPOINT: the traces route is not served there.
test("proxy mode without CTS: the setup says proxy, and the history says it is not available here", async ({
  page,
  request,
}) => {
  const setup = await (await request.get("/console/setup")).json();
  expect(setup.mode).toBe("proxy");

  await signIn(page);
  await page.getByRole("link", { name: "Export history" }).click();
  await expect(page.getByText("The export history is not available in this setup")).toBeVisible();
  await expect(page.getByRole("table", { name: "Export attempts" })).toHaveCount(0);
});
