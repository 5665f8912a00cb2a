import { passingObservation } from '../../checks/endpoint/examples.js';
import type { EndpointObservation, Measurement } from '../../checks/endpoint/model.js';

// The recorded observations of the endpoint rules' examples are the builders' base.
export {
  EXAMPLE_HOST as HOST,
  EXAMPLE_NOW as NOW,
  EXAMPLE_URL as URL_,
  certificate,
  daysFromNow,
  httpSide,
  intermediate,
  leaf,
  measured,
  protocols,
} from '../../checks/endpoint/examples.js';

export function notMeasured<T>(reason = 'the engine cannot make this check'): Measurement<T> {
  return { status: 'not-measured', reason };
}

/** The observation the `hipaa`, `nist-800-52r2` and `mozilla-intermediate` profiles pass (see checks/endpoint/examples.ts). */
export function goodObservation(overrides: Partial<EndpointObservation> = {}): EndpointObservation {
  return { ...passingObservation('hipaa'), ...overrides };
}

/** The good endpoint as `mozilla-modern` wants it: TLS 1.3 only. */
export function modernObservation(overrides: Partial<EndpointObservation> = {}): EndpointObservation {
  return { ...passingObservation('mozilla-modern'), ...overrides };
}
