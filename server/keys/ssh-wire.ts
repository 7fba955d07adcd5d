// Reads the SSH wire encoding (RFC 4251 §5: uint32 and length-prefixed strings) strictly: a
// read past the end throws instead of returning a short buffer.
export class SshWireReader {
  private offset = 0;

  constructor(private readonly buffer: Buffer) {}

  uint32(): number {
    if (this.offset + 4 > this.buffer.length) throw new Error("truncated");
    const value = this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  bytes(): Buffer {
    const length = this.uint32();
    if (this.offset + length > this.buffer.length) throw new Error("truncated");
    const value = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  text(): string {
    return this.bytes().toString("latin1");
  }

  /** The bytes not read yet. */
  rest(): Buffer {
    return this.buffer.subarray(this.offset);
  }

  get atEnd(): boolean {
    return this.offset === this.buffer.length;
  }
}
