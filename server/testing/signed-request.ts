// A request signed by the official SDK core's own AKSKSigner, ready for app.inject(): tests can
// then spoil one part of it and see the refusal.
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js";
import type { FastifyInstance } from "fastify";

export type SignedRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
};

export type AccessKeyPair = { ak: string; sk: string };

export function signRequest(
  keys: AccessKeyPair,
  method: string,
  path: string,
  options: { data?: unknown; projectId?: string } = {},
): SignedRequest {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.projectId) headers["X-Project-Id"] = options.projectId;
  const request = {
    method,
    endpoint: `http://localhost${path}`,
    headers,
    queryParams: {},
    data: options.data,
  };
  const credential = new BasicCredentials().withAk(keys.ak).withSk(keys.sk);
  const signed = AKSKSigner.sign(request as never, credential) as Record<string, string>;
  return {
    method,
    url: path,
    headers: signed,
    ...(options.data === undefined ? {} : { payload: JSON.stringify(options.data) }),
  };
}

/** A new access key for the token's user, made through the IAM route. */
export async function createAccessKey(
  app: FastifyInstance,
  token: string,
  userId: string,
): Promise<AccessKeyPair> {
  const response = await app.inject({
    method: "POST",
    url: "/v3.0/OS-CREDENTIAL/credentials",
    headers: { "x-auth-token": token },
    payload: { credential: { user_id: userId } },
  });
  if (response.statusCode !== 201) throw new Error(`access key not created: ${response.body}`);
  const { access, secret } = response.json().credential;
  return { ak: access, sk: secret };
}
