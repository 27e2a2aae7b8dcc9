/**
 * An ISMG (the operator's SMS gateway) for development and tests: the gateway side of CMPP 2.0/3.0.
 * It authenticates the SP, answers SUBMITs with Msg_Ids and hands them to simulated handsets,
 * sends status reports and MOs (DELIVER, resent until answered), and can be told to misbehave
 * (flow control, slow answers, dropped links, raw bytes, silence).
 *
 * Like a gateway that checks "repeated sequence", it remembers the Sequence_Ids it accepted from
 * the SP (across connections) and answers a repeat with result 3 — and the original Msg_Id — without
 * delivering it again; a repeat whose content differs is counted in `sequenceReusedForOtherContent`.
 */
import { createHash } from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import { authenticatorIsmg, authenticatorSource, sameAuthenticator } from '../sms/cmpp/auth';
import {
  CONNECT_STATUS,
  encodeStatusReport,
  MSG_FMT,
  RESULT,
  versionOf,
  type CmppError,
  type CmppVersion,
  type Deliver,
  type PduOf,
  type Pdu,
} from '../sms/cmpp/codec';
import { CmppConnection } from '../sms/cmpp/connection';
import { composeMsgId, msgIdTime } from '../sms/cmpp/msgId';
import { textParts } from '../sms/userData';
import { Handsets } from './handsets';

export interface IsmgConfig {
  host: string;
  /** 0 = any free port. */
  port: number;
  spId: string;
  secret: string;
  /** The highest CMPP version it speaks (an SP asking for more gets CONNECT_RESP status 4). */
  maxVersion: CmppVersion;
  /** The gateway's 22-bit code inside every Msg_Id. */
  ismgCode: number;
  log(line: string): void;
}

export interface IsmgFaults {
  /** Answer result 8 (flow control) to the next N SUBMITs. */
  flowControlNext: number;
  /** Answer result 8 to SUBMITs beyond this many per second (null = no limit). */
  maxSubmitsPerSecond: number | null;
  /** Delay every SUBMIT_RESP by this much. */
  respDelayMs: number;
  /** Accept N more SUBMITs, then drop every link without answering the last one (null = off). */
  dropAfterSubmits: number | null;
  /** Send status reports this long after a SUBMIT is accepted (null = none). */
  reportDelayMs: number | null;
  /** Numbers whose status reports say UNDELIV. */
  undeliverable: string[];
  /** Answer nothing at all: a hung gateway. */
  silent: boolean;
}

export const DEFAULT_FAULTS: IsmgFaults = {
  flowControlNext: 0,
  maxSubmitsPerSecond: null,
  respDelayMs: 0,
  dropAfterSubmits: null,
  reportDelayMs: 100,
  undeliverable: [],
  silent: false,
};

export interface IsmgCounters {
  connects: number;
  refusedConnects: number;
  submits: number;
  accepted: number;
  /** SUBMITs answered "repeated sequence" (not delivered again). */
  duplicates: number;
  /** Repeated Sequence_Ids whose content differed: an SP bug, or a false duplicate. */
  sequenceReusedForOtherContent: number;
  flowControlled: number;
  reportsSent: number;
  mosSent: number;
  /** DELIVERs (reports and MOs) the SP answered. */
  deliversAnswered: number;
  malformed: number;
  drops: number;
  /** ACTIVE_TESTs the SP sent (it does when the link is idle). */
  activeTests: number;
  /** The most SUBMITs an SP had waiting for an answer at once (its window, when answers are slow). */
  maxUnanswered: number;
}

interface Session {
  conn: CmppConnection;
  bound: boolean;
  remote: string;
  /** DELIVERs sent on this connection and not yet answered, by Sequence_Id. */
  delivers: Map<number, PendingDeliver>;
  unanswered: number;
}

type DeliverFields = Omit<Deliver, 'msgContent' | 'srcTerminalType' | 'reserve'>;

interface PendingDeliver {
  kind: 'mo' | 'report';
  fields: DeliverFields;
  /** The content depends on the version of the connection that carries it (status reports). */
  content(version: CmppVersion): Buffer;
  sentOn?: Session;
  sentAt?: number;
}

/** DELIVERs sent and unanswered per connection, like the SP's SUBMIT window. */
const DELIVER_WINDOW = 16;
const DELIVER_RETRY_MS = 10_000;
const MAX_REMEMBERED_SEQUENCES = 200_000;

const two = (n: number) => String(n).padStart(2, '0');
/** YYMMDDHHMM in China time, for status reports. */
function reportTime(date: Date): string {
  const d = new Date(date.getTime() + 8 * 3600_000);
  return `${two(d.getUTCFullYear() % 100)}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}`;
}

const digest = (dest: string, content: Buffer) => createHash('md5').update(dest).update(content).digest('hex');

export class IsmgSimulator {
  readonly handsets = new Handsets();
  readonly counters: IsmgCounters = {
    connects: 0,
    refusedConnects: 0,
    submits: 0,
    accepted: 0,
    duplicates: 0,
    sequenceReusedForOtherContent: 0,
    flowControlled: 0,
    reportsSent: 0,
    mosSent: 0,
    deliversAnswered: 0,
    malformed: 0,
    drops: 0,
    activeTests: 0,
    maxUnanswered: 0,
  };
  faults: IsmgFaults = { ...DEFAULT_FAULTS };
  private readonly server: net.Server;
  private readonly sessions = new Set<Session>();
  /** Accepted SUBMITs by Sequence_Id: the Msg_Id given and a digest of what was sent. */
  private readonly accepted = new Map<number, { msgId: bigint; digest: string }>();
  /** DELIVERs not yet answered by the SP, oldest first. */
  private readonly outbox = new Set<PendingDeliver>();
  private msgSeq = 0;
  private deliverSeq = 0;
  private rate = { second: 0, count: 0 };
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(readonly config: IsmgConfig) {
    this.server = net.createServer((socket) => this.accept(socket));
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.config.port, this.config.host, () => resolve());
    });
    this.retryTimer = setInterval(() => this.flushOutbox(), 1_000);
    this.retryTimer.unref();
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    clearInterval(this.retryTimer);
    for (const s of this.sessions) s.conn.close('simulator stopped');
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  setFaults(changes: Partial<IsmgFaults>): IsmgFaults {
    this.faults = { ...this.faults, ...changes };
    return this.faults;
  }

  /** Drops every SP connection at once, as a broken network would. */
  dropLinks(): number {
    const bound = [...this.sessions];
    for (const s of bound) s.conn.close('dropped (fault injection)');
    this.counters.drops += bound.length;
    return bound.length;
  }

  /** Writes raw octets to every SP connection (malformed frames for the SP to survive). */
  sendRaw(bytes: Buffer): number {
    for (const s of this.sessions) s.conn.sendRaw(bytes);
    return this.sessions.size;
  }

  /** A handset `from` texts `to` (service code + extension): one DELIVER per part, resent until the SP answers. Returns the Msg_Ids. */
  sendMo(from: string, to: string, text: string): string[] {
    const ascii = /^[\x20-\x7e]{1,140}$/.test(text);
    const parts = ascii
      ? [{ tpUdhi: 0, msgFmt: MSG_FMT.ascii, content: Buffer.from(text, 'latin1') }]
      : textParts(text, this.msgSeq & 0xff);
    const msgIds = parts.map((part) => {
      const msgId = this.nextMsgId();
      this.queueDeliver({
        kind: 'mo',
        fields: {
          msgId,
          destId: to,
          serviceId: '',
          tpPid: 0,
          tpUdhi: part.tpUdhi,
          msgFmt: part.msgFmt,
          srcTerminalId: from,
          registeredDelivery: 0,
        },
        content: () => part.content,
      });
      return String(msgId);
    });
    this.counters.mosSent += parts.length;
    this.handsets.sent(from, { to, text, msgIds, at: new Date().toISOString() });
    return msgIds;
  }

  status() {
    return {
      spId: this.config.spId,
      maxVersion: this.config.maxVersion,
      sessions: [...this.sessions].map((s) => ({ remote: s.remote, bound: s.bound, version: s.conn.version })),
      pendingDelivers: this.outbox.size,
      counters: { ...this.counters },
      faults: this.faults,
    };
  }

  // --- connections --------------------------------------------------------------------------

  private accept(socket: net.Socket): void {
    const session: Session = {
      conn: undefined as unknown as CmppConnection,
      bound: false,
      remote: `${socket.remoteAddress}:${socket.remotePort}`,
      delivers: new Map(),
      unanswered: 0,
    };
    session.conn = new CmppConnection(socket, this.config.maxVersion, {
      pdu: (pdu) => this.receive(session, pdu),
      invalid: (command, sequenceId, error) => this.invalid(session, command, sequenceId, error),
      closed: (reason) => this.closed(session, reason),
    });
    this.sessions.add(session);
  }

  private closed(session: Session, reason: string): void {
    this.sessions.delete(session);
    for (const d of session.delivers.values()) d.sentOn = undefined;
    this.config.log(`ismg: ${session.remote} closed: ${reason}`);
  }

  private receive(session: Session, pdu: Pdu): void {
    if (this.faults.silent) return;
    if (pdu.command === 'connect' && !session.bound) return this.connect(session, pdu);
    if (!session.bound) return session.conn.close(`${pdu.command} before CONNECT`);
    switch (pdu.command) {
      case 'submit':
        return this.submit(session, pdu);
      case 'deliver_resp':
        return this.deliverAnswered(session, pdu);
      case 'active_test':
        this.counters.activeTests++;
        session.conn.send({ command: 'active_test_resp', sequenceId: pdu.sequenceId, reserved: 0 });
        return;
      case 'active_test_resp':
        return;
      case 'terminate':
        session.conn.send({ command: 'terminate_resp', sequenceId: pdu.sequenceId });
        return session.conn.end('TERMINATE from the SP');
      default:
        return session.conn.close(`unexpected ${pdu.command} from the SP`);
    }
  }

  private connect(session: Session, pdu: PduOf<'connect'>): void {
    const version = versionOf(pdu.version);
    const status =
      pdu.sourceAddr !== this.config.spId
        ? CONNECT_STATUS.badSourceAddr
        : !sameAuthenticator(pdu.authenticatorSource, authenticatorSource(this.config.spId, this.config.secret, pdu.timestamp))
          ? CONNECT_STATUS.authFailed
          : version === null || version > this.config.maxVersion
            ? CONNECT_STATUS.versionTooHigh
            : CONNECT_STATUS.ok;
    // The answer is laid out in the SP's version when we speak it, else in ours.
    session.conn.version = version !== null && version <= this.config.maxVersion ? version : this.config.maxVersion;
    session.conn.send({
      command: 'connect_resp',
      sequenceId: pdu.sequenceId,
      status,
      authenticatorIsmg: authenticatorIsmg(status, session.conn.version, pdu.authenticatorSource, this.config.secret),
      version: pdu.version,
    });
    if (status !== CONNECT_STATUS.ok) {
      this.counters.refusedConnects++;
      return session.conn.end(`CONNECT refused with status ${status}`);
    }
    session.bound = true;
    this.counters.connects++;
    this.config.log(`ismg: ${session.remote} connected as ${pdu.sourceAddr} (CMPP ${session.conn.version === 3 ? '3.0' : '2.0'})`);
    this.flushOutbox();
  }

  private invalid(session: Session, command: 'submit' | 'deliver', sequenceId: number, error: CmppError): void {
    this.counters.malformed++;
    this.config.log(`ismg: malformed ${command} from ${session.remote}: ${error.message}`);
    if (command !== 'submit' || !session.bound) return session.conn.close(`malformed ${command}`);
    session.conn.send({
      command: 'submit_resp',
      sequenceId,
      msgId: 0n,
      result: error.code === 'bad_length' ? RESULT.badLength : RESULT.badStructure,
    });
  }

  // --- SUBMIT ---------------------------------------------------------------------------------

  private nextMsgId(): bigint {
    return composeMsgId({ ...msgIdTime(new Date()), ismgCode: this.config.ismgCode, sequence: this.msgSeq++ & 0xffff });
  }

  private overRate(): boolean {
    const limit = this.faults.maxSubmitsPerSecond;
    if (limit === null) return false;
    const second = Math.floor(Date.now() / 1000);
    if (second !== this.rate.second) this.rate = { second, count: 0 };
    return ++this.rate.count > limit;
  }

  /** The result for a SUBMIT before it is accepted: a refusal, a repeat, or null = accept it. */
  private check(pdu: PduOf<'submit'>): { result: number; msgId: bigint } | null {
    if (pdu.destTerminalIds.length === 0 || pdu.pkNumber < 1 || pdu.pkNumber > pdu.pkTotal)
      return { result: RESULT.badStructure, msgId: 0n };
    if (pdu.msgContent.length > 140) return { result: RESULT.tooLong, msgId: 0n };
    const earlier = this.accepted.get(pdu.sequenceId);
    if (earlier) {
      this.counters.duplicates++;
      if (earlier.digest !== digest(pdu.destTerminalIds.join(','), pdu.msgContent)) this.counters.sequenceReusedForOtherContent++;
      return { result: RESULT.repeatedSequence, msgId: earlier.msgId };
    }
    if (this.faults.flowControlNext > 0 || this.overRate()) {
      if (this.faults.flowControlNext > 0) this.faults.flowControlNext--;
      this.counters.flowControlled++;
      return { result: RESULT.flowControl, msgId: 0n };
    }
    return null;
  }

  private submit(session: Session, pdu: PduOf<'submit'>): void {
    this.counters.submits++;
    this.counters.maxUnanswered = Math.max(this.counters.maxUnanswered, ++session.unanswered);
    const refused = this.check(pdu);
    if (refused) return this.answer(session, pdu.sequenceId, refused.msgId, refused.result);
    const msgId = this.nextMsgId();
    this.remember(pdu.sequenceId, msgId, digest(pdu.destTerminalIds.join(','), pdu.msgContent));
    this.counters.accepted++;
    const at = new Date().toISOString();
    for (const dest of pdu.destTerminalIds) {
      this.handsets.receive(dest, {
        msgId: String(msgId),
        from: pdu.srcId,
        tpUdhi: pdu.tpUdhi,
        msgFmt: pdu.msgFmt,
        content: pdu.msgContent,
        at,
      });
      if (pdu.registeredDelivery === 1) this.scheduleReport(pdu, dest, msgId);
    }
    if (this.faults.dropAfterSubmits !== null && --this.faults.dropAfterSubmits <= 0) {
      this.faults.dropAfterSubmits = null;
      this.dropLinks(); // accepted and delivered, never answered: the SP must not send it twice
      return;
    }
    this.answer(session, pdu.sequenceId, msgId, RESULT.ok);
  }

  private remember(sequenceId: number, msgId: bigint, contentDigest: string): void {
    this.accepted.set(sequenceId, { msgId, digest: contentDigest });
    if (this.accepted.size > MAX_REMEMBERED_SEQUENCES) this.accepted.delete(this.accepted.keys().next().value!);
  }

  private answer(session: Session, sequenceId: number, msgId: bigint, result: number): void {
    if (this.faults.respDelayMs > 0) setTimeout(() => this.sendAnswer(session, sequenceId, msgId, result), this.faults.respDelayMs);
    else this.sendAnswer(session, sequenceId, msgId, result);
  }

  private sendAnswer(session: Session, sequenceId: number, msgId: bigint, result: number): void {
    session.unanswered--;
    session.conn.send({ command: 'submit_resp', sequenceId, msgId, result });
  }

  // --- DELIVER (status reports and MOs) -------------------------------------------------------

  private scheduleReport(pdu: PduOf<'submit'>, dest: string, msgId: bigint): void {
    const delay = this.faults.reportDelayMs;
    if (delay === null) return;
    const submitted = new Date();
    setTimeout(() => {
      const stat = this.faults.undeliverable.includes(dest) ? 'UNDELIV' : 'DELIVRD';
      this.counters.reportsSent++;
      this.queueDeliver({
        kind: 'report',
        fields: {
          msgId: this.nextMsgId(),
          destId: pdu.srcId,
          serviceId: pdu.serviceId,
          tpPid: 0,
          tpUdhi: 0,
          msgFmt: MSG_FMT.ascii,
          srcTerminalId: dest,
          registeredDelivery: 1,
        },
        content: (version) =>
          encodeStatusReport(
            {
              msgId,
              stat,
              submitTime: reportTime(submitted),
              doneTime: reportTime(new Date()),
              destTerminalId: dest,
              smscSequence: this.msgSeq & 0xffffffff,
            },
            version,
          ),
      });
    }, delay).unref();
  }

  private queueDeliver(pending: PendingDeliver): void {
    this.outbox.add(pending);
    this.flushOutbox();
  }

  /** Sends what waits (and what went unanswered too long) on the newest bound connection, within its window. */
  private flushOutbox(): void {
    const session = [...this.sessions].reverse().find((s) => s.bound && s.conn.open);
    if (!session || this.faults.silent) return;
    const now = Date.now();
    for (const pending of this.outbox) {
      if (session.delivers.size >= DELIVER_WINDOW) break;
      if (pending.sentOn && now - pending.sentAt! < DELIVER_RETRY_MS) continue;
      for (const [seq, d] of pending.sentOn?.delivers ?? []) if (d === pending) pending.sentOn!.delivers.delete(seq);
      const sequenceId = ++this.deliverSeq >>> 0;
      pending.sentOn = session;
      pending.sentAt = now;
      session.delivers.set(sequenceId, pending);
      session.conn.send({
        command: 'deliver',
        sequenceId,
        ...pending.fields,
        srcTerminalType: 0,
        msgContent: pending.content(session.conn.version),
        reserve: '',
      });
    }
  }

  private deliverAnswered(session: Session, pdu: PduOf<'deliver_resp'>): void {
    const pending = session.delivers.get(pdu.sequenceId);
    if (!pending) return;
    session.delivers.delete(pdu.sequenceId);
    this.outbox.delete(pending);
    this.counters.deliversAnswered++;
    if (pdu.result !== RESULT.ok) this.config.log(`ismg: the SP answered a ${pending.kind} DELIVER with result ${pdu.result}; dropped`);
    this.flushOutbox();
  }
}
