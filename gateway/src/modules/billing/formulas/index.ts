export * from './rounding';
export * from './units';
export * from './periodic';
export * from './metered';
export * from './apportion';
export * from './late-fee';

import type { AreaFormula, FixedFormula } from './periodic';
import type { MeteredFormula } from './metered';
import type { ShareFormula, SharedMeterFormula } from './apportion';
import type { LateFeeFormula } from './late-fee';

/** Every formula a bill line can carry, to store beside the line (e.g. as JSON) and show to owners. */
export type FeeFormula = AreaFormula | FixedFormula | MeteredFormula | ShareFormula | SharedMeterFormula | LateFeeFormula;
