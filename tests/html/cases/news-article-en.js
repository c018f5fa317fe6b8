module.exports = require('./news-article.js');
