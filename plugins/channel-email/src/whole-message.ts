import { Transform, type TransformCallback } from 'node:stream';
import type { PluginFunction } from 'nodemailer';

/** Larger messages go out in pieces of this size, so none is held in memory whole. */
const PIECE_BYTES = 64 * 1024;

/**
 * Joins the many small chunks nodemailer streams a message in (each header block, each part,
 * each encoded line) into pieces of up to {@link PIECE_BYTES}. Each chunk reaching the socket is
 * a write of its own, a system call and, towards a server on the same host, a wake-up of its
 * process: about ten per invitation, a third of the channel's CPU time in
 * `pnpm bench invitations`. The bytes sent are the same.
 */
export class WholeMessage extends Transform {
  private chunks: Buffer[] = [];
  private size = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size >= PIECE_BYTES) this.release();
    done();
  }

  override _flush(done: TransformCallback): void {
    this.release();
    done();
  }

  private release(): void {
    if (this.size === 0) return;
    this.push(Buffer.concat(this.chunks, this.size));
    this.chunks = [];
    this.size = 0;
  }
}

/** A nodemailer `stream` plugin that sends every message through a {@link WholeMessage}. */
export const wholeMessages: PluginFunction = (mail, done) => {
  mail.message.transform(() => new WholeMessage());
  done();
};
