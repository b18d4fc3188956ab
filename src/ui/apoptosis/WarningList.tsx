import type { WarningGroup } from './warningGroups.ts';

/** Warnings in plain words next to what they concern; a message about several files names them once. */
export function WarningList({ label, groups }: { label: string; groups: readonly WarningGroup[] }) {
  if (groups.length === 0) return null;
  return (
    <ul className="apoptosis-warnings" aria-label={label}>
      {groups.map((group) => (
        <li key={group.message} data-code={group.code}>
          {group.message}
          {group.files.length > 0 && <span className="muted"> ({group.files.join(', ')})</span>}
        </li>
      ))}
    </ul>
  );
}
