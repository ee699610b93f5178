import {
  decodeHealthCheckRequest,
  decodeHealthCheckResponse,
  encodeHealthCheckRequest,
  encodeHealthCheckResponse,
  ServingStatus,
} from './grpcHealthProtocol';

describe('grpc.health.v1 encoding', () => {
  it('encodes the request as protobuf does', () => {
    // protoc --encode: service: "cqrs.Q" → 0a 06 63 71 72 73 2e 51
    expect(
      encodeHealthCheckRequest({ service: 'cqrs.Q' }).toString('hex'),
    ).toBe('0a06637172732e51');
    expect(encodeHealthCheckRequest({ service: '' }).length).toBe(0);
    const long = 'x'.repeat(200);
    expect(
      decodeHealthCheckRequest(encodeHealthCheckRequest({ service: long })),
    ).toEqual({ service: long });
  });

  it('decodes the response, skipping fields it does not know', () => {
    expect(
      decodeHealthCheckResponse(encodeHealthCheckResponse({ status: 2 })),
    ).toEqual({ status: ServingStatus.NOT_SERVING });
    expect(decodeHealthCheckResponse(Buffer.alloc(0))).toEqual({
      status: ServingStatus.UNKNOWN,
    });
    // field 2 (string "x") before field 1 = SERVING
    expect(
      decodeHealthCheckResponse(Buffer.from([0x12, 0x01, 0x78, 0x08, 0x01])),
    ).toEqual({ status: ServingStatus.SERVING });
  });
});
