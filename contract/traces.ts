// CTS ListTraces as the export history reads it (docs/export-audit.md, section 5).
import { z } from "zod/mini";

/**
 * One trace of ListTraces as the console reads it: the fields the history shows, each optional
 * but the id, because in proxy mode the real CTS answers and may leave any of them out.
 */
export const traceSchema = z.object({
  trace_id: z.string(),
  trace_name: z.optional(z.string()),
  trace_rating: z.optional(z.string()),
  request: z.optional(z.string()),
  response: z.optional(z.string()),
  code: z.optional(z.string()),
  message: z.optional(z.string()),
  time: z.optional(z.number()),
  user: z.optional(
    z.object({
      id: z.optional(z.string()),
      name: z.optional(z.string()),
      domain: z.optional(z.object({ name: z.optional(z.string()) })),
    }),
  ),
  resource_name: z.optional(z.string()),
  source_ip: z.optional(z.string()),
  request_id: z.optional(z.string()),
  location_info: z.optional(z.string()),
  attempts: z.optional(z.number()),
});

export type Trace = z.infer<typeof traceSchema>;

export const listTracesResponseSchema = z.object({
  traces: z.array(traceSchema),
  meta_data: z.optional(
    z.object({ count: z.optional(z.number()), marker: z.optional(z.nullable(z.string())) }),
  ),
});

export type ListTracesResponse = z.infer<typeof listTracesResponseSchema>;
