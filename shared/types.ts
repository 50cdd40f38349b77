/**
 * The data Earmark knows about. Plain JSON: these cross IPC and HTTP unchanged. The types live in one
 * file per area (shared/*-types.ts); import them from here.
 */
export * from './library-types.js';
export * from './settings-types.js';
export * from './subscribe-types.js';
export * from './download-types.js';
export * from './note-types.js';
export * from './chapter-types.js';
export * from './transcript-types.js';
