// SPFx loc files are AMD modules (`define([], function () { return {...}; })`); this gives
// them a `define` that assigns the strings to module.exports so Jest can require them.
module.exports = {
  process(source) {
    return {
      code: `var define = function (deps, factory) { module.exports = factory(); };\n${source}`
    };
  }
};
