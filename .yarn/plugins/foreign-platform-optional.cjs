/* eslint-disable */
// Lets optional, platform-specific binary packages built for other platforms
// (e.g. @swc/core-darwin-arm64) resolve to any published version. Some npm
// mirrors lack the exact version a package pins; Yarn resolves every platform
// even though it only fetches the current one, so a missing foreign build
// would otherwise fail the whole install. Packages for linux-x64 (this repo's
// CI and dev machines) keep their exact versions.
const FOREIGN =
  /(^|[/-])(darwin|win32|android|freebsd|openbsd|netbsd|sunos|aix|wasm32|openharmony)(-|$)|(^|[/-])linux-(?!x64$|x64-gnu$)[a-z0-9-]+$/;

module.exports = {
  name: 'foreign-platform-optional',
  factory: require => {
    const { structUtils } = require('@yarnpkg/core');
    return {
      hooks: {
        reduceDependency(dependency) {
          const name = structUtils.stringifyIdent(dependency);
          const range = dependency.range;
          if (!FOREIGN.test(name) || !/^(npm:)?[\^~]?\d/.test(range)) {
            return dependency;
          }
          return structUtils.makeDescriptor(dependency, 'npm:*');
        },
      },
    };
  },
};
