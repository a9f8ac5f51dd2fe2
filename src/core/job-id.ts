/**
 * 64-bit job ids in the spirit of SeaTunnel's FlakeIdGenerator: milliseconds since 2020 in the
 * high bits, then a node id and a sequence. They exceed 2^53, so they are always handled as
 * decimal strings (or bigint) and never as JS numbers.
 */
const EPOCH = 1_577_836_800_000n; // 2020-01-01T00:00:00Z
const MAX_ID = (1n << 63n) - 1n;

export class JobIdGenerator {
  private lastMillis = 0n;
  private sequence = 0n;

  constructor(private readonly nodeId = 0) {}

  next(): string {
    let millis = BigInt(Date.now()) - EPOCH;
    if (millis <= this.lastMillis) {
      this.sequence = (this.sequence + 1n) & 0xfffn;
      if (this.sequence === 0n) this.lastMillis += 1n;
      millis = this.lastMillis;
    } else {
      this.sequence = 0n;
      this.lastMillis = millis;
    }
    return ((millis << 22n) | (BigInt(this.nodeId & 0x3ff) << 12n) | this.sequence).toString();
  }
}

/** A job id as clients send it (number or string); undefined unless it is a whole number in 1..2^63-1. */
export function parseJobId(value: unknown): string | undefined {
  const text = typeof value === 'bigint' || typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,19}$/.test(text.trim())) return undefined;
  const id = BigInt(text.trim());
  return id > 0n && id <= MAX_ID ? id.toString() : undefined;
}
