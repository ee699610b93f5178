/**
 * Test helpers shared by Unyo's backend packages (ops-backend and its
 * modules, demo-data): one copy of each, so every suite takes ports, runs
 * on databases, needs programs and starts a real Alertmanager the same way.
 */
export * from './http';
export * from './databases';
export * from './requirements';
export * from './alertmanager';
