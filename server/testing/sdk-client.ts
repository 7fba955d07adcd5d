// The official Node SDK core (@huaweicloud/huaweicloud-sdk-core) pointed at a test server, with
// each KPS call given the request options the generated KPS SDK builds for it: the signer, the
// region lookup and the error mapping under test are the core's own.
import { BasicCredentials, Region } from "@huaweicloud/huaweicloud-sdk-core";
import { ClientBuilder } from "@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js";
import type { HcClient } from "@huaweicloud/huaweicloud-sdk-core/HcClient.js";
import { Logger4jInstance } from "@huaweicloud/huaweicloud-sdk-core/logger/log4jLogger.js";

// The core logs every error answer in full (an axios dump per refusal) to stdout; the tests
// assert those answers themselves, so npm test's output keeps only what it reports.
Logger4jInstance.level = "off";

type Options = {
  method: string;
  url: string;
  contentType: string;
  queryParams: Record<string, unknown>;
  pathParams: Record<string, unknown>;
  headers: Record<string, unknown>;
  data: unknown;
  axiosRequestConfig?: Record<string, unknown>;
};

export type SdkKeys = { ak: string; sk: string };

/** A client with AK/SK and the project id, or region-only (the core asks IAM for the project). */
export function kpsClient(
  endpoint: string,
  keys: SdkKeys,
  target: { projectId: string } | { region: string },
) {
  const credentials = new BasicCredentials().withAk(keys.ak).withSk(keys.sk);
  const builder = new ClientBuilder((client: HcClient) => client).withCredential(
    "projectId" in target
      ? credentials.withProjectId(target.projectId)
      : credentials.withIamEndpoint(endpoint),
  );
  const client: HcClient =
    "projectId" in target
      ? builder.withEndpoint(endpoint).build()
      : builder.withRegion(new Region(target.region, endpoint)).build();
  const send = (options: Partial<Options> & { method: string; url: string }) =>
    client.sendRequest({
      contentType: "application/json",
      queryParams: {},
      pathParams: {},
      headers: {},
      data: {},
      ...options,
      // biome-ignore lint/suspicious/noExplicitAny: the core answers untyped JSON
    } as never) as Promise<any>;
  const base = "/v3/{project_id}/keypairs";
  return {
    list: () => send({ method: "GET", url: base }),
    create: (name: string) => send({ method: "POST", url: base, data: { keypair: { name } } }),
    show: (name: string) => send({ method: "GET", url: `${base}/${encodeURIComponent(name)}` }),
    exportOne: (name: string) =>
      send({ method: "POST", url: `${base}/private-key/export`, data: { keypair: { name } } }),
    batchExport: (names: string[]) =>
      send({
        method: "POST",
        url: `${base}/private-key/batch-export`,
        data: names.map((name) => ({ keypair: { name } })),
        axiosRequestConfig: { responseType: "arraybuffer" },
      }),
    clear: (name: string) =>
      send({ method: "DELETE", url: `${base}/${encodeURIComponent(name)}/private-key` }),
    remove: (name: string) =>
      send({ method: "DELETE", url: `${base}/${encodeURIComponent(name)}` }),
  };
}
