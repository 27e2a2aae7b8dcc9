/**
 * One CMPP TCP connection, either side: frames in, PDUs out. A frame that cannot be cut from the
 * stream (impossible Total_Length) or has an unknown Command_Id closes the connection — the stream
 * can no longer be trusted. A SUBMIT or DELIVER whose body does not parse is handed to `invalid` so
 * the owner answers it with the protocol's error result; other unparsable requests close it too.
 */
import type { Socket } from 'node:net';
import { CmppError, decodePdu, encodePdu, frameHeader, type CmppVersion, type Command, type Pdu } from './codec';
import { FrameReader } from './frames';

export interface ConnectionEvents {
  pdu(pdu: Pdu): void;
  /** A SUBMIT or DELIVER that does not parse; answer it with result 1 (structure) or 4 (length). */
  invalid(command: 'submit' | 'deliver', sequenceId: number, error: CmppError): void;
  closed(reason: string): void;
}

const ANSWERABLE = new Set<Command | null>(['submit', 'deliver']);

export class CmppConnection {
  private readonly reader = new FrameReader();
  private closedReason: string | null = null;

  constructor(
    readonly socket: Socket,
    /** The simulator learns it from CONNECT (whose layout is the same in both versions). */
    public version: CmppVersion,
    private readonly events: ConnectionEvents,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (err) => this.close(`socket error: ${err.message}`));
    socket.on('close', () => this.close('closed by the peer'));
  }

  get open(): boolean {
    return this.closedReason === null;
  }

  send(pdu: Pdu): boolean {
    if (!this.open) return false;
    this.socket.write(encodePdu(pdu, this.version));
    return true;
  }

  /** Raw octets (the simulator's fault injection). */
  sendRaw(bytes: Buffer): void {
    if (this.open) this.socket.write(bytes);
  }

  /** Drops the connection at once (what is not yet written is lost). */
  close(reason: string): void {
    if (!this.open) return;
    this.closedReason = reason;
    this.socket.destroy();
    this.events.closed(reason);
  }

  /** Closes after what is written so far has gone out (a refusing CONNECT_RESP, a TERMINATE_RESP). */
  end(reason: string): void {
    if (!this.open) return;
    this.closedReason = reason;
    this.socket.end();
    this.events.closed(reason);
  }

  /** Writes made while handling one chunk go out together. */
  private receive(chunk: Buffer): void {
    this.socket.cork();
    try {
      for (const frame of this.reader.push(chunk)) {
        if (!this.open) return;
        this.dispatch(frame);
      }
    } catch (err) {
      this.close(`protocol error: ${(err as Error).message}`);
    } finally {
      this.socket.uncork();
    }
  }

  private dispatch(frame: Buffer): void {
    let pdu: Pdu;
    try {
      pdu = decodePdu(frame, this.version);
    } catch (err) {
      const { command, sequenceId } = frameHeader(frame);
      if (!(err instanceof CmppError) || !ANSWERABLE.has(command)) throw err;
      this.events.invalid(command as 'submit' | 'deliver', sequenceId, err);
      return;
    }
    this.events.pdu(pdu);
  }
}
