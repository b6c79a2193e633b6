import { bookingsSuite } from './support/bookings.suite.js';

bookingsSuite('sqlite');
