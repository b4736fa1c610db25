// `npm run bench`: every benchmark, each printing our figure beside its anchor's from the same run.
// Pass names to run only some: `npm run bench -- startup`.
const ALL = ['startup', 'doctor', 'install', 'verify', 'build'];
const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ALL;
for (const name of chosen) {
  if (!ALL.includes(name)) {
    console.error(`unknown benchmark ${name}; choose from ${ALL.join(', ')}`);
    process.exit(2);
  }
  const module = await import(`./${name}.mjs`);
  await module.run();
}
