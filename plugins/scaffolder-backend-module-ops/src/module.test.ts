import { startTestBackend } from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleOps } from './module';

describe('scaffolderModuleOps', () => {
  it('adds the ops:gate action to the scaffolder', async () => {
    const added: TemplateAction<any, any, any>[] = [];
    await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          {
            addActions: (...actions: TemplateAction<any, any, any>[]) =>
              added.push(...actions),
          },
        ],
      ],
      features: [scaffolderModuleOps],
    });
    expect(added.map(a => a.id)).toEqual(['ops:gate']);
    expect(added[0].schema?.input).toMatchObject({
      required: ['entityRef'],
    });
  });
});
