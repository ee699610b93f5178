/**
 * grpc.health.v1.Health/Check for the demo, without a .proto loader: the
 * request is `string service = 1`, the response `ServingStatus status = 1`.
 */
import {
  sendUnaryData,
  ServerUnaryCall,
  ServiceDefinition,
  status as grpcStatus,
} from '@grpc/grpc-js';

const SERVING_STATUS = { UNKNOWN: 0, SERVING: 1, NOT_SERVING: 2 } as const;

/** Reads field 1 (length-delimited) of a HealthCheckRequest; others are skipped. */
function decodeRequest(buf: Buffer): { service: string } {
  let offset = 0;
  let service = '';
  const varint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (offset >= buf.length) throw new Error('truncated message');
      const byte = buf[offset++];
      value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return value;
      shift += 7;
    }
  };
  while (offset < buf.length) {
    const tag = varint();
    const wireType = tag & 7;
    if (wireType === 0) {
      varint();
    } else if (wireType === 2) {
      const length = varint();
      if (tag >>> 3 === 1) {
        service = buf.subarray(offset, offset + length).toString('utf8');
      }
      offset += length;
    } else {
      offset += wireType === 1 ? 8 : 4;
    }
  }
  return { service };
}

/** A HealthCheckResponse: field 1 as a varint (all values fit one byte). */
function encodeResponse(res: { status: number }): Buffer {
  return res.status === 0 ? Buffer.alloc(0) : Buffer.from([0x08, res.status]);
}

export const healthService: ServiceDefinition = {
  Check: {
    path: '/grpc.health.v1.Health/Check',
    requestStream: false,
    responseStream: false,
    requestSerialize: (req: { service: string }) => {
      const text = Buffer.from(req.service, 'utf8');
      return Buffer.concat([Buffer.from([0x0a, text.length]), text]);
    },
    requestDeserialize: decodeRequest,
    responseSerialize: encodeResponse,
    responseDeserialize: (buf: Buffer) => ({ status: buf[1] ?? 0 }),
  },
};

/** The Check handler: a service it does not know is NOT_FOUND, as the spec says. */
export function healthHandler(
  services: Record<string, keyof typeof SERVING_STATUS>,
) {
  return {
    Check: (
      call: ServerUnaryCall<{ service: string }, { status: number }>,
      callback: sendUnaryData<{ status: number }>,
    ) => {
      const state = services[call.request.service];
      if (state === undefined) {
        callback({ code: grpcStatus.NOT_FOUND, details: 'unknown service' });
        return;
      }
      callback(null, { status: SERVING_STATUS[state] });
    },
  };
}
