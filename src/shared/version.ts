/** The FlowFate version that made an output (package.json), for the provenance of exported numbers. */
import packageJson from '../../package.json' with { type: 'json' };

export const FLOWFATE_VERSION: string = packageJson.version;
