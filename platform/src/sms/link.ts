/**
 * The SP side of one CMPP long connection to the operator's ISMG: CONNECT with the MD5
 * authenticator, a sliding window of outstanding SUBMITs, flow control on result 8, ACTIVE_TEST
 * when idle, reconnect with back-off, status reports and MOs written before they are answered.
 *
 * What a stored MT is promised (CMPP has no idempotency key; the Sequence_Id stands in for one):
 * - Never lost. It is stored durably before anything is sent (enqueue commits to disk), and a part
 *   stays `queued` until a SUBMIT_RESP that settles it is recorded; until then every (re)start and
 *   every reconnect sends it again.
 * - Never sent twice for nothing. Each part's Sequence_Id is stored with it before the first send
 *   (store.ts). A part whose outcome is unknown — written to a link that dropped before its
 *   SUBMIT_RESP, or answered but not yet recorded when the process died — is resent under that
 *   same Sequence_Id. A gateway that remembers the Sequence_Ids it accepted from this SP answers
 *   such a repeat with result 3 ("repeated sequence") and does not deliver it again; we record
 *   that as accepted (`duplicate`). The ISMG simulator does this, so against it every MT reaches
 *   the handset exactly once, through dropped links and kill -9 alike.
 * - A definite "not now" (result 8) is retried under a new Sequence_Id, never the old one.
 * - Against a gateway that does not check repeats, in-doubt parts may arrive twice: at most
 *   `window` per dropped link; per crash of the process, `window` plus the answers not yet written
 *   (at most `maxUnrecorded`); per power cut, also the answers written in its last moments
 *   (answers are written without waiting for the disk, writeWithoutSync). Nothing else is resent.
 * - Status reports and MOs are answered (DELIVER_RESP) only after they are written, so a crash of
 *   the process loses none: the ISMG sends them again, and a repeated MO (same Msg_Id) is stored
 *   once. MOs are on disk before they are answered; reports are not waited for, so a power cut
 *   can leave the last few parts `accepted` instead of `delivered`.
 */
import net from 'node:net';
import type { Clock } from '../clock';
import { writeTx, writeWithoutSync, type Database } from '../db/database';
import { authenticatorIsmg, authenticatorSource, cmppTimestamp, sameAuthenticator } from './cmpp/auth';
import {
  CONNECT_STATUS,
  decodeStatusReport,
  RESULT,
  versionByte,
  type CmppError,
  type CmppVersion,
  type PduOf,
  type Pdu,
} from './cmpp/codec';
import { CmppConnection } from './cmpp/connection';
import { Fifo } from './fifo';
import { Journal, type JournalPolicy } from './journal';
import {
  loadQueued,
  messagesCompletedBy,
  recordLinkEvents,
  renumberParts,
  wireSequenceId,
  type Db,
  type DeliveryReport,
  type MoMessage,
  type MoPart,
  type QueuedPart,
  type SubmitAnswer,
} from './store';
import { decodeText, splitUdh } from './userData';

export interface LinkConfig {
  host: string;
  port: number;
  /** Source_Addr / Msg_src: the SP's 6-character id. */
  spId: string;
  secret: string;
  /** The 106… service code; Src_Id = service code + the message's extension. */
  serviceCode: string;
  /** Service_Id (业务代码), up to 10 characters. */
  serviceId: string;
  version: CmppVersion;
  /** SUBMITs sent and not yet answered. */
  window: number;
  /** Send ACTIVE_TEST after this long without receiving anything (CMPP: C = 3 min). */
  idleMs: number;
  /** Wait this long for ACTIVE_TEST_RESP (T = 60 s), try `activeTestTries` times (N = 3), then reconnect. */
  activeTestTimeoutMs: number;
  activeTestTries: number;
  /** A CONNECT_RESP or SUBMIT_RESP later than this means the link is dead: reconnect. */
  responseTimeoutMs: number;
  reconnectMinMs: number;
  reconnectMaxMs: number;
  /** Pause after result 8, doubling while it repeats. */
  flowControlMinMs: number;
  flowControlMaxMs: number;
  /** Answers received but not yet written: sending pauses at this many (bounds what a crash leaves in doubt). */
  maxUnrecorded: number;
  journal: JournalPolicy;
}

export const LINK_DEFAULTS: Omit<LinkConfig, 'host' | 'port' | 'spId' | 'secret' | 'serviceCode'> = {
  serviceId: 'ECW',
  version: 2,
  window: 16,
  idleMs: 180_000,
  activeTestTimeoutMs: 60_000,
  activeTestTries: 3,
  responseTimeoutMs: 60_000,
  reconnectMinMs: 500,
  reconnectMaxMs: 30_000,
  flowControlMinMs: 100,
  flowControlMaxMs: 5_000,
  maxUnrecorded: 1024,
  journal: { maxBatch: 512, maxDelayMs: 20, soonDelayMs: 2, retryMs: 1_000 },
};

export type LinkState = 'stopped' | 'connecting' | 'connected' | 'waiting';

export interface LinkCounters {
  submitted: number;
  accepted: number;
  /** Result 3: an earlier send of the part had been accepted. */
  duplicates: number;
  flowControlled: number;
  failed: number;
  reports: number;
  unmatchedReports: number;
  mos: number;
  connects: number;
  /** Frames from the ISMG that did not parse. */
  malformed: number;
}

export interface LinkStatus {
  state: LinkState;
  connectedSince: string | null;
  lastError: string | null;
  inflight: number;
  waiting: number;
  unrecorded: number;
  counters: LinkCounters;
}

interface LinkContext {
  database: Database;
  clock: Clock;
  log(line: string): void;
}

type JournalItem =
  | { kind: 'answer'; answer: SubmitAnswer }
  | { kind: 'report'; report: DeliveryReport; ack: () => void }
  | { kind: 'mo'; mo: MoPart; ack: () => void };

/** Requests other than SUBMIT are numbered from here (SUBMITs use 1..0x7fffffff, see store.ts). */
const CONTROL_SEQ_BASE = 0x80000000;
const REFILL_BATCH = 1_000;
/** Load more while this many still wait, so the window never runs dry during a load. */
const REFILL_BELOW = 500;
const REFILL_EVERY_MS = 1_000;
/** Parts held in memory beyond which new ones are left to be loaded from the database. */
const MAX_OFFERED_WAITING = 20_000;
const STOP_WAIT_MS = 2_000;

export class CmppLink {
  private conn: CmppConnection | null = null;
  private state: LinkState = 'stopped';
  private stopping = false;
  private connectedSince: string | null = null;
  private lastError: string | null = null;
  /** Parts to send. */
  private readonly queue = new Fifo<QueuedPart>();
  /** Sent, not answered, by wire Sequence_Id. */
  private readonly inflight = new Map<number, { part: QueuedPart; sentAt: number }>();
  /** seq_no of every part this process holds (queued, in flight, refused for now, answered but unwritten): never loaded twice. */
  private readonly held = new Set<number>();
  private throttled: QueuedPart[] = [];
  /** Status reports and MOs received and not yet answered (they wait for their write). */
  private unansweredDelivers = 0;
  private cursor = 0;
  /** Sequence_Id ranges of parts handed over by `offer`: loads stop before them and then jump over them. */
  private offered: { from: number; to: number }[] = [];
  private refilling = false;
  /** The last load found fewer parts than it asked for: load again only when woken (or once a second). */
  private exhausted = false;
  private wokenWhileLoading = false;
  private lastRefillAt = 0;
  private controlSeq = 0;
  private pausedUntil = 0;
  private flowDelayMs: number;
  private reconnectAttempts = 0;
  private lastReceivedAt = 0;
  private activeTest: { sequenceId: number; sentAt: number; tries: number } | null = null;
  /** What our CONNECT said, to check the ISMG's answer against. */
  private sentAuthenticator: Buffer = Buffer.alloc(16);
  private flowTimer: NodeJS.Timeout | undefined;
  private connectTimer: NodeJS.Timeout | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private terminated: (() => void) | null = null;
  private readonly journal: Journal<JournalItem>;
  readonly counters: LinkCounters = {
    submitted: 0,
    accepted: 0,
    duplicates: 0,
    flowControlled: 0,
    failed: 0,
    reports: 0,
    unmatchedReports: 0,
    mos: 0,
    connects: 0,
    malformed: 0,
  };

  constructor(
    private readonly ctx: LinkContext,
    readonly config: LinkConfig,
    private readonly onMo: (message: MoMessage) => void,
  ) {
    this.flowDelayMs = config.flowControlMinMs;
    this.journal = new Journal((items) => this.write(items), config.journal, ctx.log);
  }

  start(): void {
    if (this.state !== 'stopped') return;
    this.stopping = false;
    const tickMs = Math.max(
      5,
      Math.min(1_000, this.config.idleMs / 4, this.config.responseTimeoutMs / 4, this.config.activeTestTimeoutMs / 4),
    );
    this.ticker = setInterval(() => this.tick(), tickMs);
    this.ticker.unref();
    this.connect();
  }

  /**
   * Parts this process has just stored and committed (one Sequence_Id range): sent as they are,
   * without reading them back. What the link already holds or has passed is left out.
   */
  offer(parts: QueuedPart[]): void {
    const fresh = parts.filter((p) => p.seqNo > this.cursor && !this.held.has(p.seqNo));
    // While the link is down or behind, what is stored stays in the database until it is loaded.
    if (this.stopping || fresh.length === 0 || this.queue.length > MAX_OFFERED_WAITING) return this.wake();
    for (const part of fresh) {
      this.held.add(part.seqNo);
      this.queue.push(part);
    }
    this.offered.push({ from: fresh[0]!.seqNo, to: fresh[fresh.length - 1]!.seqNo });
    this.offered.sort((a, b) => a.from - b.from);
    this.pump();
  }

  /** New MTs were stored: send them. */
  wake(): void {
    this.exhausted = false;
    if (this.refilling) this.wokenWhileLoading = true;
    this.refill();
  }

  status(): LinkStatus {
    return {
      state: this.state,
      connectedSince: this.connectedSince,
      lastError: this.lastError,
      inflight: this.inflight.size,
      waiting: this.queue.length + this.throttled.length,
      unrecorded: this.journal.size,
      counters: { ...this.counters },
    };
  }

  /** Nothing held in memory: every part this process loaded is answered and written. */
  get drained(): boolean {
    return this.held.size === 0 && this.journal.size === 0;
  }

  /** Stops sending, waits (briefly) for answers, writes them, says TERMINATE and closes. */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.stopping = true;
    clearInterval(this.ticker);
    clearTimeout(this.connectTimer);
    clearTimeout(this.flowTimer);
    const deadline = Date.now() + STOP_WAIT_MS;
    while (this.inflight.size > 0 && this.conn?.open && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await this.journal.drain(STOP_WAIT_MS);
    const conn = this.conn;
    if (conn?.open && this.state === 'connected') {
      const answered = new Promise<void>((resolve) => (this.terminated = resolve));
      conn.send({ command: 'terminate', sequenceId: this.nextControlSeq() });
      await Promise.race([answered, new Promise((r) => setTimeout(r, 1_000))]);
    }
    conn?.close('stopped');
    this.journal.stop();
    this.state = 'stopped';
  }

  // --- connection -------------------------------------------------------------------------

  private connect(): void {
    if (this.stopping) return;
    this.state = 'connecting';
    const socket = net.connect({ host: this.config.host, port: this.config.port });
    const conn = new CmppConnection(socket, this.config.version, {
      pdu: (pdu) => this.receive(conn, pdu),
      invalid: (command, sequenceId, error) => this.invalid(conn, command, sequenceId, error),
      closed: (reason) => this.closed(conn, reason),
    });
    this.conn = conn;
    socket.once('connect', () => {
      const timestamp = cmppTimestamp(this.ctx.clock.now());
      this.sentAuthenticator = authenticatorSource(this.config.spId, this.config.secret, timestamp);
      conn.send({
        command: 'connect',
        sequenceId: this.nextControlSeq(),
        sourceAddr: this.config.spId,
        authenticatorSource: this.sentAuthenticator,
        version: versionByte(this.config.version),
        timestamp,
      });
      this.lastReceivedAt = Date.now();
    });
    this.connectTimer = setTimeout(() => conn.close('no CONNECT_RESP'), this.config.responseTimeoutMs);
  }

  private connected(conn: CmppConnection, pdu: PduOf<'connect_resp'>): void {
    clearTimeout(this.connectTimer);
    if (pdu.status !== CONNECT_STATUS.ok) {
      const why = Object.entries(CONNECT_STATUS).find(([, v]) => v === pdu.status)?.[0] ?? 'unknown';
      conn.close(`CONNECT refused: status ${pdu.status} (${why})`);
      return;
    }
    this.state = 'connected';
    this.connectedSince = this.ctx.clock.now().toISOString();
    this.reconnectAttempts = 0;
    this.counters.connects++;
    this.ctx.log(
      `sms link: connected to ${this.config.host}:${this.config.port} as ${this.config.spId} (CMPP ${this.config.version === 3 ? '3.0' : '2.0'})`,
    );
    this.pump();
    this.refill();
  }

  private closed(conn: CmppConnection, reason: string): void {
    if (conn !== this.conn) return;
    clearTimeout(this.connectTimer);
    this.conn = null;
    this.connectedSince = null;
    this.activeTest = null;
    this.terminated?.();
    this.terminated = null;
    // Unanswered SUBMITs go back to the front, to be resent under their Sequence_Ids.
    const unanswered = [...this.inflight.values()].map((f) => f.part);
    this.inflight.clear();
    this.queue.putFront(unanswered.sort((a, b) => a.seqNo - b.seqNo));
    if (this.stopping) return;
    this.lastError = reason;
    this.state = 'waiting';
    const delay = Math.min(this.config.reconnectMaxMs, this.config.reconnectMinMs * 2 ** this.reconnectAttempts++);
    this.ctx.log(`sms link: ${reason}; ${unanswered.length} unanswered SUBMITs will be resent; reconnecting in ${delay} ms`);
    this.connectTimer = setTimeout(() => this.connect(), delay);
  }

  private nextControlSeq(): number {
    return CONTROL_SEQ_BASE + (this.controlSeq++ % 0x7fffffff);
  }

  // --- receiving ------------------------------------------------------------------------------

  private receive(conn: CmppConnection, pdu: Pdu): void {
    this.lastReceivedAt = Date.now();
    if (pdu.command === 'connect_resp' && this.state === 'connecting') return this.connectAnswered(conn, pdu);
    if (this.state !== 'connected') return conn.close(`${pdu.command} before CONNECT_RESP`);
    switch (pdu.command) {
      case 'submit_resp':
        return this.answered(pdu);
      case 'deliver':
        return this.delivered(conn, pdu);
      case 'active_test':
        conn.send({ command: 'active_test_resp', sequenceId: pdu.sequenceId, reserved: 0 });
        return;
      case 'active_test_resp':
        this.activeTest = null;
        return;
      case 'terminate':
        conn.send({ command: 'terminate_resp', sequenceId: pdu.sequenceId });
        return conn.end('TERMINATE from the ISMG');
      case 'terminate_resp':
        this.terminated?.();
        return;
      default:
        return conn.close(`unexpected ${pdu.command} from the ISMG`);
    }
  }

  private connectAnswered(conn: CmppConnection, pdu: PduOf<'connect_resp'>): void {
    if (pdu.status === CONNECT_STATUS.ok) {
      // A gateway that signs its answer wrongly is suspicious but not fatal: some fill it with zeros.
      const expected = authenticatorIsmg(pdu.status, this.config.version, this.sentAuthenticator, this.config.secret);
      if (!sameAuthenticator(expected, pdu.authenticatorIsmg))
        this.ctx.log('sms link: the ISMG authenticator does not match ours (a clock edge, or not the gateway we think)');
    }
    this.connected(conn, pdu);
  }

  private invalid(conn: CmppConnection, command: 'submit' | 'deliver', sequenceId: number, error: CmppError): void {
    this.counters.malformed++;
    this.ctx.log(`sms link: malformed ${command} from the ISMG: ${error.message}`);
    if (command !== 'deliver') return conn.close(`unexpected ${command} from the ISMG`);
    conn.send({
      command: 'deliver_resp',
      sequenceId,
      msgId: 0n,
      result: error.code === 'bad_length' ? RESULT.badLength : RESULT.badStructure,
    });
  }

  private answered(pdu: PduOf<'submit_resp'>): void {
    const entry = this.inflight.get(pdu.sequenceId);
    if (!entry) return this.ctx.log(`sms link: SUBMIT_RESP for unknown Sequence_Id ${pdu.sequenceId}`);
    this.inflight.delete(pdu.sequenceId);
    const { part } = entry;
    if (pdu.result === RESULT.flowControl) {
      this.throttle(part);
    } else {
      const accepted = pdu.result === RESULT.ok || pdu.result === RESULT.repeatedSequence;
      if (pdu.result === RESULT.ok) this.flowDelayMs = this.config.flowControlMinMs;
      if (pdu.result === RESULT.repeatedSequence) this.counters.duplicates++;
      this.counters[accepted ? 'accepted' : 'failed']++;
      if (!accepted) this.ctx.log(`sms link: SUBMIT of ${part.mtId}#${part.partNo} refused with result ${pdu.result}`);
      const msgId = pdu.msgId === 0n ? null : String(pdu.msgId);
      this.journal.add({
        kind: 'answer',
        answer: {
          seqNo: part.seqNo,
          state: accepted ? 'accepted' : 'failed',
          result: pdu.result,
          msgId,
          duplicate: pdu.result === RESULT.repeatedSequence,
        },
      });
    }
    this.pump();
  }

  private delivered(conn: CmppConnection, pdu: PduOf<'deliver'>): void {
    const ack = (result: number) => () => {
      conn.send({ command: 'deliver_resp', sequenceId: pdu.sequenceId, msgId: pdu.msgId, result });
    };
    if (pdu.registeredDelivery === 1) {
      let report;
      try {
        report = decodeStatusReport(pdu.msgContent, this.config.version);
      } catch (err) {
        this.counters.malformed++;
        this.ctx.log(`sms link: unreadable status report: ${(err as Error).message}`);
        return ack(RESULT.badStructure)();
      }
      this.counters.reports++;
      // Soon: the ISMG sends MOs through the same DELIVER window, behind unanswered reports.
      // A full window of them means the ISMG waits for our answers: write at once.
      this.unansweredDelivers++;
      this.journal.add(
        { kind: 'report', report: { msgId: String(report.msgId), stat: report.stat }, ack: ack(RESULT.ok) },
        this.unansweredDelivers >= this.config.window ? 'now' : 'soon',
      );
      return;
    }
    this.counters.mos++;
    this.unansweredDelivers++;
    this.journal.add({ kind: 'mo', mo: moPart(pdu), ack: ack(RESULT.ok) }, 'now');
  }

  // --- sending --------------------------------------------------------------------------------

  private pump(): void {
    const conn = this.conn;
    if (!conn?.open || this.state !== 'connected' || this.stopping || Date.now() < this.pausedUntil) return;
    if (this.journal.size >= this.config.maxUnrecorded) return this.journal.flushSoon();
    conn.socket.cork();
    while (this.inflight.size < this.config.window && this.queue.length > 0) this.submit(conn, this.queue.shift()!);
    conn.socket.uncork();
    if (this.queue.length < REFILL_BELOW && !this.exhausted) this.refill();
    if (this.inflight.size === 0 && this.queue.length === 0) this.journal.flushSoon();
  }

  private submit(conn: CmppConnection, part: QueuedPart): void {
    const pdu = submitPdu(this.config, part);
    try {
      conn.send(pdu);
    } catch (err) {
      // Only a field that cannot be encoded (say Src_Id over 21 digits) gets here: this part can never be sent.
      this.ctx.log(`sms link: ${part.mtId}#${part.partNo} cannot be sent: ${(err as Error).message}`);
      this.counters.failed++;
      this.journal.add({
        kind: 'answer',
        answer: { seqNo: part.seqNo, state: 'failed', result: RESULT.badStructure, msgId: null, duplicate: false },
      });
      return;
    }
    this.inflight.set(pdu.sequenceId, { part, sentAt: Date.now() });
    this.counters.submitted++;
  }

  /** Loads more queued parts when few are waiting. */
  private refill(): void {
    if (this.refilling || this.stopping || this.queue.length >= REFILL_BELOW) return;
    this.refilling = true;
    this.lastRefillAt = Date.now();
    const before = this.offered[0]?.from ?? Number.MAX_SAFE_INTEGER;
    loadQueued(this.ctx.database.db, this.cursor, before, REFILL_BATCH)
      .then((parts) => {
        for (const part of parts) {
          this.cursor = Math.max(this.cursor, part.seqNo);
          if (this.held.has(part.seqNo)) continue;
          this.held.add(part.seqNo);
          this.queue.push(part);
        }
        this.refilling = false;
        const reachedOffered = parts.length < REFILL_BATCH && this.offered[0]?.from === before;
        // Nothing stored below an offered range is left: its parts are held (or done), go on after it.
        if (reachedOffered) this.cursor = Math.max(this.cursor, this.offered.shift()!.to);
        this.exhausted = parts.length < REFILL_BATCH && !reachedOffered && !this.wokenWhileLoading;
        this.wokenWhileLoading = false;
        if (!this.exhausted) this.refill();
        if (parts.length > 0) this.pump();
      })
      .catch((err: Error) => {
        this.refilling = false;
        this.ctx.log(`sms link: loading queued parts failed: ${err.message}`);
      });
  }

  /** Result 8: pause sending, then send the refused parts again under new Sequence_Ids. */
  private throttle(part: QueuedPart): void {
    this.counters.flowControlled++;
    this.throttled.push(part);
    this.scheduleResume(this.flowDelayMs);
    this.flowDelayMs = Math.min(this.config.flowControlMaxMs, this.flowDelayMs * 2);
  }

  private scheduleResume(delayMs: number): void {
    if (this.flowTimer) return;
    this.pausedUntil = Date.now() + delayMs;
    this.flowTimer = setTimeout(() => this.resumeThrottled(), delayMs);
    this.flowTimer.unref();
  }

  private resumeThrottled(): void {
    const parts = this.throttled;
    this.throttled = [];
    renumberParts(
      this.ctx.database,
      parts.map((p) => p.seqNo),
    )
      .then((renumbered) => {
        for (const part of parts) {
          this.held.delete(part.seqNo);
          part.seqNo = renumbered.get(part.seqNo)!;
          this.held.add(part.seqNo);
        }
        this.queue.putFront(parts);
        this.flowTimer = undefined;
        this.pausedUntil = 0;
        if (this.throttled.length > 0) this.scheduleResume(this.flowDelayMs);
        this.pump();
      })
      .catch((err: Error) => {
        this.ctx.log(`sms link: renumbering refused parts failed, retrying: ${err.message}`);
        this.throttled = parts.concat(this.throttled);
        this.flowTimer = undefined;
        this.scheduleResume(this.config.journal.retryMs);
      });
  }

  // --- writing what was received --------------------------------------------------------------

  private async write(items: JournalItem[]): Promise<void> {
    const answers: SubmitAnswer[] = [];
    const reports: DeliveryReport[] = [];
    const mos: MoPart[] = [];
    for (const item of items) {
      if (item.kind === 'answer') answers.push(item.answer);
      else if (item.kind === 'report') reports.push(item.report);
      else mos.push(item.mo);
    }
    const events = { answers, reports, mos };
    // Only MOs must be on disk before the ISMG hears we have them (see the top of this file).
    const record = (trx: Db) => recordLinkEvents(trx, this.ctx.database.dialect, events, this.ctx.clock);
    const { newMos, unmatchedReports } =
      mos.length === 0 ? await writeWithoutSync(this.ctx.database, record) : await writeTx(this.ctx.database, record);
    // Written: from here on nothing may throw back into the journal (it would write the batch again).
    for (const answer of answers) this.held.delete(answer.seqNo);
    for (const item of items) {
      if (item.kind === 'answer') continue;
      this.unansweredDelivers--;
      item.ack();
    }
    this.counters.unmatchedReports += unmatchedReports;
    if (unmatchedReports > 0) this.ctx.log(`sms link: ${unmatchedReports} status reports matched no stored Msg_Id`);
    if (newMos.length > 0) {
      messagesCompletedBy(this.ctx.database.db, newMos)
        .then((messages) => messages.forEach((m) => this.handOver(m)))
        .catch((err: Error) => this.ctx.log(`sms link: reading completed MOs failed (they stay in the inbox): ${err.message}`));
    }
    queueMicrotask(() => this.pump());
  }

  private handOver(message: MoMessage): void {
    try {
      this.onMo(message);
    } catch (err) {
      this.ctx.log(`sms link: the MO handler failed (the MO stays in the inbox): ${(err as Error).stack ?? String(err)}`);
    }
  }

  // --- timers -----------------------------------------------------------------------------------

  private tick(): void {
    const conn = this.conn;
    const now = Date.now();
    if (this.state === 'connected' && conn?.open) {
      this.keepAlive(conn, now);
      const oldest = Math.min(...[...this.inflight.values()].map((f) => f.sentAt));
      if (now - oldest > this.config.responseTimeoutMs) conn.close(`no SUBMIT_RESP in ${this.config.responseTimeoutMs} ms`);
      if (this.queue.length === 0 && now - this.lastRefillAt >= REFILL_EVERY_MS) {
        // Idle: look again from the start (what this process holds is skipped), so nothing stored can be missed.
        if (this.inflight.size === 0) this.cursor = 0;
        this.wake();
      }
    }
  }

  private keepAlive(conn: CmppConnection, now: number): void {
    const test = this.activeTest;
    if (!test) {
      if (now - this.lastReceivedAt >= this.config.idleMs) this.sendActiveTest(conn, 1);
    } else if (now - test.sentAt >= this.config.activeTestTimeoutMs) {
      if (test.tries >= this.config.activeTestTries) conn.close(`no ACTIVE_TEST_RESP after ${test.tries} tries`);
      else this.sendActiveTest(conn, test.tries + 1);
    }
  }

  private sendActiveTest(conn: CmppConnection, tries: number): void {
    const sequenceId = this.nextControlSeq();
    this.activeTest = { sequenceId, sentAt: Date.now(), tries };
    conn.send({ command: 'active_test', sequenceId });
  }
}

/** The SUBMIT for a part: free to the user (FeeType 01), a status report asked for, from the service code + extension. */
export function submitPdu(config: Pick<LinkConfig, 'serviceId' | 'spId' | 'serviceCode'>, part: QueuedPart): PduOf<'submit'> {
  return {
    command: 'submit',
    sequenceId: wireSequenceId(part.seqNo),
    msgId: 0n,
    pkTotal: part.parts,
    pkNumber: part.partNo,
    registeredDelivery: 1,
    msgLevel: 0,
    serviceId: config.serviceId,
    feeUserType: 2,
    feeTerminalId: '',
    feeTerminalType: 0,
    tpPid: 0,
    tpUdhi: part.tpUdhi,
    msgFmt: part.msgFmt,
    msgSrc: config.spId,
    feeType: '01',
    feeCode: '000000',
    validTime: '',
    atTime: '',
    srcId: config.serviceCode + part.extension,
    destTerminalIds: [part.mobile],
    destTerminalType: 0,
    msgContent: part.content,
    reserve: '',
  };
}

/** An MO DELIVER as stored: the concatenation header read, the text decoded (a bad header keeps the raw octets). */
function moPart(pdu: PduOf<'deliver'>): MoPart {
  let payload = pdu.msgContent;
  let concat: MoPart['concat'] = null;
  if (pdu.tpUdhi) {
    try {
      const split = splitUdh(pdu.msgContent);
      payload = split.payload;
      concat = split.udh.concat ?? null;
    } catch {
      /* kept whole */
    }
  }
  return {
    ismgMsgId: String(pdu.msgId),
    mobile: pdu.srcTerminalId,
    destId: pdu.destId,
    serviceId: pdu.serviceId,
    msgFmt: pdu.msgFmt,
    content: pdu.msgContent,
    text: decodeText(pdu.msgFmt, payload),
    concat,
  };
}
