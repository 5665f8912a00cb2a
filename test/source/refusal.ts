import { UnreadableFileError } from '../../checks/model/source.js';

/** The UnreadableFileError a read was refused with; throws (failing the test) when the read gave text or failed otherwise. */
export async function refusal(read: Promise<string | undefined>): Promise<UnreadableFileError> {
  const outcome = await read.then(
    (text) => new Error(`read gave ${JSON.stringify(text)}, expected a refusal`),
    (error: unknown) => error,
  );
  if (outcome instanceof UnreadableFileError) return outcome;
  throw outcome;
}
