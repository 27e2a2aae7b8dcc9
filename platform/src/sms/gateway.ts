/**
 * The platform's SMS gateway: the CMPP link plus the MT queue and the MO inbox in the database.
 * `enqueue` stores MTs (the link sends them); MOs are written to the inbox and handed to the
 * handlers registered with `onMo` — at least once: a handler marks what it has dealt with
 * (`markHandled`), and whatever is unmarked is handed over again after a restart.
 */
import type { PlatformContext } from '../context';
import { CmppLink, type LinkConfig, type LinkStatus } from './link';
import type { MtRequest } from './mt';
import { enqueueMt, markMosHandled, mtStatus, queuedCount, unhandledMos, type EnqueuedMt, type MoMessage, type MtStatus } from './store';
import type { Tx } from '../db/database';

export type MoHandler = (message: MoMessage) => void | Promise<void>;

export class SmsGateway {
  readonly link: CmppLink;
  private readonly handlers = new Set<MoHandler>();

  constructor(
    private readonly ctx: PlatformContext,
    config: LinkConfig,
  ) {
    this.link = new CmppLink(ctx, config, (message) => this.handOver(message));
  }

  /** Connects, and hands over the MOs a previous run left unhandled. */
  async start(): Promise<void> {
    this.link.start();
    if (this.handlers.size > 0) for (const message of await unhandledMos(this.ctx.database.db)) this.handOver(message);
  }

  stop(): Promise<void> {
    return this.link.stop();
  }

  /**
   * Stores MTs to send (throws SmsInputError, storing nothing, if one is bad). Inside a caller's
   * transaction (`trx`) they are sent once it commits: call `wake()` then (or wait ≤ 1 s).
   */
  async enqueue(requests: MtRequest[], trx?: Tx): Promise<EnqueuedMt[]> {
    const { messages, parts } = await enqueueMt(trx ?? this.ctx.database.db, requests, this.ctx.clock);
    // Committed here: the link takes the parts as they are, without reading them back.
    if (!trx) this.link.offer(parts);
    return messages;
  }

  /** Stores MTs inside the caller's transaction; `send()` hands them to the link once it has committed. */
  async enqueueIn(trx: Tx, requests: MtRequest[]): Promise<{ messages: EnqueuedMt[]; send(): void }> {
    const { messages, parts } = await enqueueMt(trx, requests, this.ctx.clock);
    return { messages, send: () => this.link.offer(parts) };
  }

  wake(): void {
    this.link.wake();
  }

  /** Registers an MO handler; returns its removal. */
  onMo(handler: MoHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  inbox(limit?: number): Promise<MoMessage[]> {
    return unhandledMos(this.ctx.database.db, limit);
  }

  markHandled(message: MoMessage): Promise<void> {
    return markMosHandled(this.ctx.database.db, message.partIds, this.ctx.clock);
  }

  mt(id: string): Promise<MtStatus | null> {
    return mtStatus(this.ctx.database.db, id);
  }

  /** The link's state, and how many parts wait in the database to be sent. */
  async status(): Promise<LinkStatus & { queued: number }> {
    return { ...this.link.status(), queued: await queuedCount(this.ctx.database.db) };
  }

  private handOver(message: MoMessage): void {
    for (const handler of this.handlers) {
      Promise.resolve()
        .then(() => handler(message))
        .catch((err: Error) =>
          this.ctx.log(`sms: MO handler failed for ${message.id} (it stays in the inbox): ${err.stack ?? String(err)}`),
        );
    }
  }
}
