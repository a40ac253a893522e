'use strict';

const build = require('@microsoft/sp-build-web');

// Fluent UI's CSS class names are not camelCase; the rig warns about every one and --ship
// turns any warning into a failed build.
build.addSuppression(`Warning - [sass] The local CSS class 'ms-Grid' is not camelCase and will not be type-safe.`);

const getTasks = build.rig.getTasks;
build.rig.getTasks = function () {
  const result = getTasks.call(build.rig);
  result.set('serve', result.get('serve-deprecated'));
  return result;
};

build.initialize(require('gulp'));
