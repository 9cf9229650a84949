export * from './types.js';
export * from './stateTree.js';
export * from './toMachineConfig.js';
export * from './verifyProtocol.js';
export * from './verifyForm.js';
export * from './exploreStateSpace.js';
export * from './checkInvariants.js';
export * from './invariantsReport.js';
