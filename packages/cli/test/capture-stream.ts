import { Writable } from 'node:stream';

/** A stream that keeps what is written; `isTTY` as asked. */
export function capture(isTTY: boolean): Writable & { readonly isTTY: boolean; text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(stream, { isTTY, columns: 120, text: () => chunks.join('') });
}
