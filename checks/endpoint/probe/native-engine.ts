/** The embedded engine: Node's own tls/net/http, no external binary. */
import { mapBounded, type Engine } from '../engine.js';
import { probeEndpoint } from './probe-endpoint.js';

export const nativeEngine: Engine = {
  name: 'native',
  probe: (targets, options) =>
    mapBounded(targets, options.concurrency, async (target) => {
      const observation = await probeEndpoint(target, options);
      options.onObservation?.(observation);
      return observation;
    }),
};
