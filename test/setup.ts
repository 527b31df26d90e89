/**
 * Every test file: the AWS SDK's notice that its 2027 releases need Node 22 (Lambda runs 22) is
 * not a fault of the code under test, so it is kept out of the output; other warnings still show.
 */
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (!`${warning.name} ${warning.message}`.includes('NodeVersionSupportWarning'))
    process.stderr.write(`${warning.name}: ${warning.message}\n`);
});
