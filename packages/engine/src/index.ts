export * from './types.js';
export { compileProtocol, ProtocolCompileError } from './compileProtocol.js';
export type {
  CompiledProtocol,
  CompiledState,
  CompiledTransition,
  CompiledAction,
} from './compileProtocol.js';
export { openCase, OpenCaseError } from './openCase.js';
export { step } from './step.js';
export { availableActions } from './availableActions.js';
export { dueTimers, fireTimer } from './timers.js';
export { hashEvent } from './hashEvent.js';
export { documentDiffers, verifyChain } from './verifyChain.js';
export { compareDocument } from './compareDocument.js';
export { canonicalJson } from './canonicalJson.js';
export { MAX_DATA_BYTES } from './checkInput.js';
export { replay, stateAt } from './replay.js';
export type { ReplayOptions } from './replay.js';
export { migrateCase } from './migrateCase.js';
export { createPureTransitions } from './pureTransitions.js';
export type { PureTransitions, ResolvedAction } from './pureTransitions.js';
