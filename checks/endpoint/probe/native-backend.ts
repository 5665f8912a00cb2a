/** The embedded engine: Node's own tls/net/http, no external binary. Each endpoint settles on its own. */
import { mapSettled, withinBudget, type Backend } from '../backend.js';
import { probeEndpoint } from './probe-endpoint.js';

export const nativeBackend: Backend = {
  name: 'native',
  probe: (targets, options) =>
    mapSettled(targets, options.concurrency, async (target) => {
      const observation = await withinBudget(probeEndpoint(target, options), target.url, options.timeouts.totalMs);
      options.onObservation?.(observation);
      return observation;
    }),
};
