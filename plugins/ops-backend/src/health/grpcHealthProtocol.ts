/**
 * The one RPC of grpc.health.v1 (grpc/grpc-proto health.proto), encoded by
 * hand: two messages of one field each do not justify a .proto loader.
 *
 *   message HealthCheckRequest { string service = 1; }
 *   message HealthCheckResponse { ServingStatus status = 1; }
 */
import type { ServiceDefinition } from '@grpc/grpc-js';

export const HEALTH_CHECK_PATH = '/grpc.health.v1.Health/Check';

/** HealthCheckResponse.ServingStatus. */
export enum ServingStatus {
  UNKNOWN = 0,
  SERVING = 1,
  NOT_SERVING = 2,
  SERVICE_UNKNOWN = 3,
}

function encodeVarint(value: number): number[] {
  const bytes: number[] = [];
  let v = value;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  bytes.push(v);
  return bytes;
}

/** Reads a varint at `offset`: its value and the offset after it. */
function decodeVarint(buf: Buffer, offset: number): [number, number] {
  let value = 0;
  let shift = 0;
  let i = offset;
  for (;;) {
    if (i >= buf.length || shift > 28) {
      throw new Error('truncated or oversized varint');
    }
    const byte = buf[i++];
    value |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [value >>> 0, i];
    shift += 7;
  }
}

/** Skips one field of wire type `wireType` starting at `offset`. */
function skipField(buf: Buffer, offset: number, wireType: number): number {
  switch (wireType) {
    case 0:
      return decodeVarint(buf, offset)[1];
    case 1:
      return offset + 8;
    case 2: {
      const [length, next] = decodeVarint(buf, offset);
      return next + length;
    }
    case 5:
      return offset + 4;
    default:
      throw new Error(`unsupported wire type ${wireType}`);
  }
}

/** Iterates the fields of a message as [fieldNumber, wireType, valueOffset]. */
function* fields(buf: Buffer): Generator<[number, number, number]> {
  let offset = 0;
  while (offset < buf.length) {
    const [tag, next] = decodeVarint(buf, offset);
    const field = tag >>> 3;
    const wireType = tag & 7;
    yield [field, wireType, next];
    offset = skipField(buf, next, wireType);
  }
}

export function encodeHealthCheckRequest(req: { service: string }): Buffer {
  if (!req.service) return Buffer.alloc(0); // proto3 leaves defaults out
  const text = Buffer.from(req.service, 'utf8');
  return Buffer.concat([
    Buffer.from([0x0a, ...encodeVarint(text.length)]),
    text,
  ]);
}

export function decodeHealthCheckRequest(buf: Buffer): { service: string } {
  let service = '';
  for (const [field, wireType, offset] of fields(buf)) {
    if (field === 1 && wireType === 2) {
      const [length, start] = decodeVarint(buf, offset);
      service = buf.subarray(start, start + length).toString('utf8');
    }
  }
  return { service };
}

export function encodeHealthCheckResponse(res: {
  status: ServingStatus;
}): Buffer {
  if (res.status === 0) return Buffer.alloc(0);
  return Buffer.from([0x08, ...encodeVarint(res.status)]);
}

export function decodeHealthCheckResponse(buf: Buffer): {
  status: ServingStatus;
} {
  let status = ServingStatus.UNKNOWN;
  for (const [field, wireType, offset] of fields(buf)) {
    if (field === 1 && wireType === 0) {
      status = decodeVarint(buf, offset)[0];
    }
  }
  return { status };
}

/** The service definition, for a server (tests) or a generic client. */
export const healthServiceDefinition: ServiceDefinition = {
  Check: {
    path: HEALTH_CHECK_PATH,
    requestStream: false,
    responseStream: false,
    requestSerialize: encodeHealthCheckRequest,
    requestDeserialize: decodeHealthCheckRequest,
    responseSerialize: encodeHealthCheckResponse,
    responseDeserialize: decodeHealthCheckResponse,
  },
};
