import { ticketLoopSuite } from './support/ticket-loop.suite.js';

ticketLoopSuite('mysql');
