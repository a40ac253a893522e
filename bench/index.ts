/**
 * `npm run bench`: the product's benches, one after another. Each prints its table and writes its
 * figures to bench/resultat/<namn>.json.
 */
import { benchEpost } from './epost';

async function main(): Promise<void> {
  await benchEpost();
}

main().catch((fel: unknown) => {
  console.error(fel);
  process.exitCode = 1;
});
