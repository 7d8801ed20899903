import { CONSISTENCY_COUNTS, CONSISTENCY_ROW_FLOATS } from '../../shared/sim/session/protocol';
import type { ConsistencyName } from './consistencyCounts';
import { SecondRows } from './metricSeries';

/**
 * Stale reads, lost writes and sessions lost of one run, per second of the client requests' send
 * time (the engine's consistency rows). An old second is overwritten again when a failover decides
 * that writes sent in it were lost.
 */
export class ConsistencySeries extends SecondRows<ConsistencyName> {
  constructor(seconds: number) {
    super(CONSISTENCY_COUNTS, CONSISTENCY_ROW_FLOATS, seconds);
  }
}
