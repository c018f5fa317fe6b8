'use strict';
// ev-cal-month's check, which this self-test proves can fail.
module.exports = require('../cases/ev-cal-month.js');
