'use strict';
/**
 * The size bench's two additions to SPFx's own ship webpack configuration (bench/storlek.ts puts
 * them in the build folder's gulpfile through build.configureWebpack's additionalConfiguration).
 * Neither changes what our bundles contain:
 *
 * - Fluent in one copy for the PnP ListView peer: @pnp/spfx-controls-react 3.25 pins
 *   @fluentui/react 8.106.4 and @fluentui/merge-styles 8.5.12, so beside the project's own Fluent
 *   the peer would carry two. Imports of those two packages made from inside the controls package
 *   resolve to the project's copies, which is what an npm `overrides` entry does. Nothing else
 *   imports them from there, so our bundles resolve exactly as before.
 * - A list of every chunk's modules (after concatenation is undone) with the first-party module
 *   that pulls in each package, written to temp/bench-moduler.json: the heavy-code and
 *   one-Fluent checks read it.
 */
const path = require('path');
const fs = require('fs');

const ROT = process.cwd();
const KONTROLLER = `${path.sep}node_modules${path.sep}@pnp${path.sep}spfx-controls-react${path.sep}`;
const EN_KOPIA = ['@fluentui/react', '@fluentui/merge-styles'];

function enFluentKopia(config) {
  config.resolve.plugins = config.resolve.plugins || [];
  config.resolve.plugins.push({
    apply(resolver) {
      const mal = resolver.ensureHook('resolve');
      resolver.getHook('described-resolve').tapAsync('BenchEnFluentKopia', (req, ctx, klar) => {
        const begaran = req.request || '';
        const paket = EN_KOPIA.find((p) => begaran === p || begaran.startsWith(`${p}/`));
        if (!paket || !req.path || req.path.indexOf(KONTROLLER) < 0 || req.benchEnKopia) return klar();
        // The same request, resolved as if made from the project's root.
        return resolver.doResolve(mal, { ...req, path: ROT, benchEnKopia: true }, `bench: ${paket} från projektet`, ctx, klar);
      });
    }
  });
}

function resurs(modul) {
  return modul.resource || (modul.rootModule && modul.rootModule.resource) || undefined;
}

function inreModuler(modul) {
  return modul.modules ? Array.from(modul.modules) : [modul];
}

function modulLista(config) {
  config.plugins.push({
    apply(compiler) {
      compiler.hooks.afterEmit.tap('BenchModulLista', (compilation) => {
        const { chunkGraph, moduleGraph } = compilation;
        const chunks = [];
        for (const chunk of compilation.chunks) {
          const moduler = [];
          for (const m of chunkGraph.getChunkModulesIterable(chunk)) {
            for (const inre of inreModuler(m)) {
              const r = resurs(inre);
              if (!r) continue;
              // Who imports this module from outside its own package (the import site of a library).
              const fran = new Set();
              for (const anslutning of moduleGraph.getIncomingConnections(inre)) {
                const ursprung = anslutning.originModule && resurs(anslutning.originModule);
                if (!ursprung) continue;
                const block = anslutning.dependency && moduleGraph.getParentBlock(anslutning.dependency);
                const asynkron = !!(block && block.constructor && block.constructor.name === 'AsyncDependenciesBlock');
                fran.add(`${path.relative(ROT, ursprung)}${asynkron ? ' (import())' : ''}`);
              }
              moduler.push({ resurs: path.relative(ROT, r), storlek: inre.size(), fran: Array.from(fran) });
            }
          }
          chunks.push({
            id: chunk.id,
            namn: chunk.name || undefined,
            filer: Array.from(chunk.files),
            initial: chunk.canBeInitial(),
            // The webpackChunkName of each import() that loads this chunk (a vendor split has none of its own).
            grupper: Array.from(chunk.groupsIterable, (g) => g.name).filter(Boolean),
            moduler
          });
        }
        const entries = {};
        for (const [namn, entry] of compilation.entrypoints) {
          const initial = entry.chunks.map((c) => c.id);
          const asynk = new Set();
          for (const c of entry.chunks) for (const a of c.getAllAsyncChunks()) asynk.add(a.id);
          entries[namn] = { initial, asynk: Array.from(asynk) };
        }
        fs.mkdirSync(path.join(ROT, 'temp'), { recursive: true });
        fs.writeFileSync(path.join(ROT, 'temp', 'bench-moduler.json'), JSON.stringify({ entries, chunks }));
      });
    }
  });
}

module.exports = function benchTillagg(config) {
  enFluentKopia(config);
  modulLista(config);
  return config;
};
