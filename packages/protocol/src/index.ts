export * from './types.js';
export * from './stateTree.js';
export * from './toMachineConfig.js';
