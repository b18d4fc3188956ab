import { switchToNewVersion, useAppUpdate } from '../engine/appUpdates.ts';

/** Says when a newer FlowFate is ready (or took over in another tab) and reloads into it when the user agrees. */
export function UpdateBanner() {
  const update = useAppUpdate();
  if (update === 'current') return null;
  return (
    <p role="status" className="banner update">
      {update === 'ready'
        ? 'A new version of FlowFate is ready. Reload to use it; your work is saved.'
        : 'FlowFate was updated in another tab. Reload this page to go on with the new version; your work is saved.'}{' '}
      <button type="button" className="button primary" onClick={switchToNewVersion}>
        Reload
      </button>
    </p>
  );
}
