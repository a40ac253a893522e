// Runs before `npm start`: says plainly what to do when the install is missing or the Node
// version is one the SPFx rig refuses, instead of a stack trace from deep inside tsx.
const { existsSync } = require('fs');
const { join } = require('path');

const rot = join(__dirname, '..');
const [major, minor] = process.versions.node.split('.').map(Number);
const nodeOk = (major === 20 && minor >= 11) || (major === 22 && minor >= 14);
if (!nodeOk) {
  console.error(`Node ${process.versions.node} stöds inte; använd Node 20.11+ eller 22.14+ (se package.json "engines").`);
  process.exit(1);
}

const behovs = ['esbuild', 'tsx', 'react', 'react-dom', '@fluentui/react', '@fluentui/react-icons-mdl2', '@pnp/sp', '@pnp/graph', 'date-fns'];
const saknas = behovs.filter((paket) => !existsSync(join(rot, 'node_modules', paket, 'package.json')));
if (saknas.length > 0) {
  console.error(`Beroenden saknas (${saknas.join(', ')}). Kör npm install först.`);
  process.exit(1);
}
