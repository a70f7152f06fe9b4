#!/usr/bin/env node
import { buildProgram } from './program.js';
import { reportError } from './report-error.js';

try {
  await buildProgram().parseAsync(process.argv);
} catch (e) {
  const { line, exitCode } = reportError(e);
  if (line) process.stderr.write(`${line}\n`);
  process.exitCode = exitCode;
}
