import { Fragment, type ReactNode } from "react";

const MARK = "\u0001";

/**
 * Words with elements inside them ("… in project <b>{project}</b> …"): the sentence stays one
 * translatable string and each placeholder named in `nodes` becomes that element, wherever the
 * language puts it.
 */
export function richWords<Name extends string>(
  say: (slots: Record<Name, string>) => string,
  nodes: Record<Name, ReactNode>,
): ReactNode[] {
  const names = Object.keys(nodes) as Name[];
  const slots = Object.fromEntries(names.map((name) => [name, `${MARK}${name}${MARK}`]));
  return say(slots as Record<Name, string>)
    .split(MARK)
    .map((part, index) =>
      index % 2 === 1 ? (
        // The parts never move or change between renders: their position is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed positions in one sentence
        <Fragment key={index}>{nodes[part as Name]}</Fragment>
      ) : (
        part
      ),
    );
}
