import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { OpsEntitiesProcessor } from './OpsEntitiesProcessor';

const location = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

/** A checkout journey over two SLOs of the shop system. */
function checkoutJourney(spec: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'unyo.dev/v1alpha1',
    kind: 'CompositeSLO',
    metadata: { name: 'checkout-journey', namespace: 'default' },
    spec: {
      owner: 'group:default/shop',
      system: 'shop',
      target: 0.995,
      timeWindow: { duration: '30d', isRolling: true },
      components: [
        { slo: 'cart-availability', weight: 3 },
        { slo: 'slo:default/payment-availability', weight: 1 },
      ],
      ...spec,
    },
  };
}

describe('OpsEntitiesProcessor with CompositeSLO', () => {
  const processor = new OpsEntitiesProcessor();

  it('accepts a valid journey', async () => {
    await expect(processor.validateEntityKind(checkoutJourney())).resolves.toBe(
      true,
    );
    await expect(
      processor.validateEntityKind(
        checkoutJourney({ system: undefined, service: 'cart-service' }),
      ),
    ).resolves.toBe(true);
  });

  it.each([
    [
      'a component without weight',
      { components: [{ slo: 'cart-availability' }] },
      'spec.components[0].weight is required',
    ],
    [
      'a weight of zero',
      { components: [{ slo: 'cart-availability', weight: 0 }] },
      'spec.components[0].weight must be > 0',
    ],
    [
      'no components',
      { components: [] },
      'spec.components must have at least 1 item',
    ],
    [
      'a component that is not an SLO',
      { components: [{ slo: 'component:default/cart', weight: 1 }] },
      'spec.components[0].slo "component:default/cart" must name an SLO, not a component',
    ],
    [
      'the same SLO twice',
      {
        components: [
          { slo: 'cart-availability', weight: 1 },
          { slo: 'slo:default/cart-availability', weight: 2 },
        ],
      },
      'spec.components[1].slo "slo:default/cart-availability" is already spec.components[0]',
    ],
    [
      'both system and service',
      { service: 'cart-service' },
      'spec.system or spec.service must name what the journey belongs to (exactly one of them)',
    ],
    [
      'a target of 99.5 (a percentage)',
      { target: 99.5 },
      'spec.target must be < 1',
    ],
  ])('refuses %s naming the field', async (_name, spec, message) => {
    const rejection = processor.validateEntityKind(checkoutJourney(spec));
    await expect(rejection).rejects.toThrow(
      `CompositeSLO checkout-journey: ${message}`,
    );
    await expect(rejection).rejects.toMatchObject({ name: 'InputError' });
  });

  it('relates the journey to its owner, its system and its SLOs, both ways', async () => {
    const emitted: CatalogProcessorResult[] = [];
    await processor.postProcessEntity(checkoutJourney(), location, r =>
      emitted.push(r),
    );
    const relations = emitted.map(r => {
      if (r.type !== 'relation') throw new Error(`unexpected ${r.type}`);
      const { source, type, target } = r.relation;
      return `${stringifyEntityRef(source)} ${type} ${stringifyEntityRef(
        target,
      )}`;
    });
    expect(relations).toEqual([
      'compositeslo:default/checkout-journey ownedBy group:default/shop',
      'group:default/shop ownerOf compositeslo:default/checkout-journey',
      'compositeslo:default/checkout-journey journeyOf system:default/shop',
      'system:default/shop hasJourney compositeslo:default/checkout-journey',
      'compositeslo:default/checkout-journey dependsOn slo:default/cart-availability',
      'slo:default/cart-availability dependencyOf compositeslo:default/checkout-journey',
      'compositeslo:default/checkout-journey dependsOn slo:default/payment-availability',
      'slo:default/payment-availability dependencyOf compositeslo:default/checkout-journey',
    ]);
  });
});
