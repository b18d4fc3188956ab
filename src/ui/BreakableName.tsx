import { Fragment } from 'react';

/** Long lab names may break after their separators (<wbr> adds no character to the name) instead of widening the panel. */
export function BreakableName({ name }: { name: string }) {
  return name.split(/(?<=[_\-. ])/).map((part, k) => (
    <Fragment key={k}>
      {part}
      <wbr />
    </Fragment>
  ));
}
