import type { WarningGroup } from './warningGroups.ts';

/** Files named after a message: all of a few, else the first three and how many more (each row has them all). */
function fileList(files: readonly string[]): string {
  return files.length <= 4 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more files`;
}

/** Warnings in plain words next to what they concern; a message about several files names them once. */
export function WarningList({ label, groups }: { label: string; groups: readonly WarningGroup[] }) {
  if (groups.length === 0) return null;
  return (
    <ul className="apoptosis-warnings" aria-label={label}>
      {groups.map((group) => (
        <li key={group.message} data-code={group.code}>
          {group.message}
          {group.files.length > 0 && <span className="muted"> ({fileList(group.files)})</span>}
        </li>
      ))}
    </ul>
  );
}
