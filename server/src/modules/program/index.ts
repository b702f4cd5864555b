/**
 * The `program` module's public door: other code imports only from here.
 * @packageDocumentation
 */
export { createProgramModule, type ProgramApi } from './program.module';
