'use strict';
// Run in the pages of news-article.sh, news-article-en.sh and
// news-article-noimage.sh (see tests/html/check.js; the last two
// require this module): the article as a reader sees it, at a phone's
// and a desktop's width.  What each page must show is keyed by the
// case's name, which the page's file name carries.
module.exports = function () {
	const f = [];
	const want = {
		'news-article': {
			h1: 'Neue Fußgängerbrücke über die Aue', lang: 'de',
			credit: '© LHH', attrib: '— Peter Schäfer',
			aside: 'Mehr zum Thema', quotes: 1,
		},
		'news-article-en': {
			h1: 'New footbridge over the Aue: work starts in October',
			lang: 'en', credit: '© City of Neustadt / Jonas Weber',
			attrib: '— Peter Schäfer', aside: 'Related', quotes: 1,
		},
		'news-article-noimage': {
			h1: 'Weihnachtsmarkt eröffnet: 60 Buden und eine neue Eisbahn',
			lang: 'de', credit: null, attrib: null,
			aside: 'Mehr zum Thema', quotes: 2,
		},
	};
	const name = decodeURIComponent(location.pathname)
	    .replace(/^.*cases--/, '').replace(/\.html$/, '');
	const w = want[name];
	if (!w)
		return ['no expectations for the page "' + name + '"'];
	const text = (e) => e ? e.textContent.replace(/\s+/g, ' ').trim() : '';
	const laidOut = (e) => {
		const r = e.getBoundingClientRect();
		return r.width > 0 && r.height > 0;
	};

	const arts = document.querySelectorAll('main > article');
	if (arts.length !== 1)
		return ['want 1 <article> in <main>, found ' + arts.length];
	const a = arts[0];
	if (a.lang !== w.lang || document.documentElement.lang !== w.lang)
		f.push('lang: article "' + a.lang + '", html "' +
		    document.documentElement.lang + '", want "' + w.lang + '"');
	const h1 = a.querySelectorAll('header h1');
	if (h1.length !== 1 || text(h1[0]) !== w.h1)
		f.push('the <h1> is "' + text(h1[0]) + '", not the headline');
	if (document.title !== w.h1)
		f.push('<title> is "' + document.title + '"');
	if (!a.querySelector('header time[datetime]'))
		f.push('no <time datetime> in the header');
	if (!a.querySelector('p.lead') || !laidOut(a.querySelector('p.lead')))
		f.push('no lead laid out');

	const figs = a.querySelectorAll('figure:not(.quote)');
	if (w.credit === null) {
		if (figs.length || a.querySelector('img'))
			f.push('an image figure where the article has no image');
	} else if (figs.length !== 1) {
		f.push('want 1 image <figure>, found ' + figs.length);
	} else {
		const img = figs[0].querySelector(':scope > img');
		if (!img || !img.hasAttribute('src') || !img.hasAttribute('alt'))
			f.push('the figure has no <img> with src and alt');
		const small = figs[0].querySelector('figcaption small');
		if (!small || text(small) !== w.credit)
			f.push('credit "' + text(small) + '", want "' + w.credit +
			    '" in <figcaption><small>');
		if (!laidOut(figs[0]))
			f.push('the image figure is not laid out');
	}

	const bqs = a.querySelectorAll('blockquote');
	if (bqs.length !== w.quotes)
		f.push('want ' + w.quotes + ' <blockquote>, found ' + bqs.length);
	bqs.forEach((bq, i) => {
		if (!laidOut(bq) || text(bq) === '')
			f.push('blockquote ' + (i + 1) + ' is not laid out');
		const fig = bq.parentElement.closest('figure');
		const cap = fig && fig.querySelector(':scope > figcaption');
		if (w.attrib === null) {
			if (fig)
				f.push('blockquote ' + (i + 1) + ' in a figure without attribution');
		} else if (!cap || text(cap) !== w.attrib || !laidOut(cap))
			f.push('blockquote ' + (i + 1) + ': attribution "' +
			    text(cap) + '", want "' + w.attrib + '"');
	});

	const aside = a.querySelector('aside');
	if (!aside || text(aside.querySelector('h2')) !== w.aside)
		f.push('no <aside> headed "' + w.aside + '"');
	else if (!aside.querySelector('li a[href^="https://"]'))
		f.push('the aside has no links');

	/* nothing wider than its box: no text runs out of it, and the page
	 * does not scroll sideways */
	for (const e of [document.documentElement,
	    ...document.body.querySelectorAll('*')]) {
		if (e.scrollWidth > e.clientWidth + 1)
			f.push('<' + e.tagName.toLowerCase() +
			    (e.className ? '.' + e.className : '') + '> "' +
			    text(e).slice(0, 40) + '" overflows: ' + e.scrollWidth +
			    ' > ' + e.clientWidth + ' pixels');
	}
	return f;
};
module.exports.viewports = [360, 1024];
