export * from './types';
export * from './selector';
export * from './scope';
export * from './levels';
export * from './runbooks';
export * from './history';
