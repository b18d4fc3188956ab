/**
 * The first step of an analysis, tube by tube: its pre-gates (suggested, or the user's) and a check that its
 * fluorescence can be read under the chosen compensation. A tube that fails either is set aside with a sentence
 * saying what is wrong with the file and what to do; the other tubes go on (one failure stays local).
 */
import type { ScatterChannels } from '../channels/scatter.ts';
import { CompensationError } from '../compensation/types.ts';
import type { FluorescenceChannels, ResolvedCompensation } from './compensation.ts';
import type { ApoptosisTube } from './analysisInput.ts';
import { suggestPreGates, type PreGateSuggestion } from './preGates.ts';

export interface PreparedTube {
  tube: ApoptosisTube;
  preGates: PreGateSuggestion;
}

export interface FailedTube {
  name: string;
  role: ApoptosisTube['role'];
  /** What is wrong with the file and what to do, in one or two sentences. */
  message: string;
}

/** The tube's pre-gates, or why none can be placed. */
export function prepareTube(tube: ApoptosisTube, scatter: ScatterChannels): PreparedTube | FailedTube {
  if (tube.preGates) return { tube, preGates: { vertices: tube.preGates, warnings: [] } };
  try {
    return { tube, preGates: suggestPreGates(tube.session, scatter, tube.name) };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { name: tube.name, role: tube.role, message: `"${tube.name}" cannot be gated automatically: ${error.message}. Check that the file holds cells, or draw its gates by hand.` };
  }
}

export function isFailedTube<T extends object>(value: T | FailedTube): value is FailedTube {
  return 'message' in value;
}

/**
 * Why the experiment's quadrant or compensation cannot be set, followed by the controls and untreated tubes that
 * were given for it but set aside (cannot be gated or compensated): "no untreated tube was given" must not be the
 * last word when one was.
 */
export function withSetAsideTubes(message: string, setAside: readonly FailedTube[]): string {
  if (setAside.length === 0) return message;
  const given = setAside.length === 1 ? 'One tube given to set it was' : `${setAside.length} tubes given to set it were`;
  return `${message} ${given} set aside: ${setAside.map((f) => f.message).join(' ')}`;
}

/**
 * Why the tube's Annexin V and PI values cannot be compensated with its own $SPILLOVER (singular, or not fitting
 * its channels), or null when they can or another matrix is used (that one is checked once for all tubes).
 */
export function compensationProblem(tube: ApoptosisTube, compensation: ResolvedCompensation, fluorescence: FluorescenceChannels): string | null {
  if (compensation.ref !== 'FCS') return null;
  try {
    tube.session.values({ channel: fluorescence.annexin, compensation: compensation.ref });
    tube.session.values({ channel: fluorescence.pi, compensation: compensation.ref });
    return null;
  } catch (error) {
    if (!(error instanceof CompensationError)) throw error;
    return `"${tube.name}" cannot be compensated: its own spillover matrix ($SPILLOVER) cannot be inverted (it is singular, or does not fit its channels). Export the file again with a valid matrix, or compute the compensation from the single-stain controls.`;
  }
}
