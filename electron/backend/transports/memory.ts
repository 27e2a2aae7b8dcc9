/** The in-memory transport: tests and the CLI call the dispatcher directly, same contract, same checks. */
import type { Input, Output, ProcedureName, Result, Transport } from '../../../shared/api';
import type { Backend } from '../app/backend';

export function createMemoryTransport(backend: Backend): Transport {
  return {
    invoke: <N extends ProcedureName>(name: N, input: Input<N>) =>
      // A structured-clone round trip, as over IPC or HTTP: no shared object identity leaks to callers.
      backend.dispatcher.invoke(name, structuredClone(input)) as Promise<Result<Output<N>>>,
    on: (event, listener) => backend.on(event, listener),
  };
}
