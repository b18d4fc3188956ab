import { createContext } from 'react';

/** How many times "Try again" was pressed on the nearest FaultBoundary (lazy views load again on a new count). */
export const RetryCount = createContext(0);
