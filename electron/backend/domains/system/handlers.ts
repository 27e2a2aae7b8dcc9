/** Start-up status, the recovery actions (export a backup, start fresh) and the operator profile. */
import { defineHandlers } from '../../app/handlerTypes';
import { exportBackup, startFresh, systemStatus, type RecoveryHost } from './recovery';
import { setOperator } from './operator';

export function createSystemHandlers(host: RecoveryHost) {
  return defineHandlers({
    'system.status': () => systemStatus(host),
    'system.exportBackup': (_input, ctx) => exportBackup(host, ctx.now()),
    'system.startFresh': (_input, ctx) => startFresh(host, ctx.now()),
    'system.setOperator': (input, ctx) => setOperator(ctx, input),
  });
}
