export * from './roles.js';
export * from './tickets.js';
export * from './ratings.js';
export * from './sla.js';
export * from './categories.js';
export * from './api.js';
