'use strict';
// Run in the page of ev-cal-month.sh (see tests/html/check.js): the month
// grid as a reader sees it.  It reads the rows and cells generically: a
// cell's date is its data-date or its <time datetime>, a cell "has
// events" when its data-count is above 0 or a class names events, so it
// holds for ev-cal's classes and attributes old and new.
module.exports = function () {
	const f = [];
	const TODAY = '2026-12-03';
	const tables = document.querySelectorAll('table');
	if (tables.length !== 1)
		return ['want 1 table, found ' + tables.length];
	const t = tables[0];
	const cap = t.querySelector('caption');
	if (!cap || !/Dezember 2026/.test(cap.textContent))
		f.push('caption "' + (cap ? cap.textContent : '') +
		    '" does not name Dezember 2026');
	const heads = [...t.querySelectorAll('thead th')];
	if (heads.length !== 7)
		f.push('want 7 column heads, found ' + heads.length);
	heads.forEach((th, i) => {
		if (th.getAttribute('scope') !== 'col')
			f.push('column head ' + (i + 1) + ' lacks scope="col"');
	});
	if (heads.length && !/^Mo/.test(heads[0].textContent.trim()))
		f.push('the week starts with "' + heads[0].textContent.trim() +
		    '", not Monday');

	const iso = (d) => d.toISOString().slice(0, 10);
	const dateOf = (td) => td.dataset.date ||
	    (td.querySelector('time[datetime]') || { getAttribute: () => '' })
		.getAttribute('datetime');
	const rows = [...t.querySelectorAll('tbody tr')];
	/* December 2026 begins on a Tuesday: 1 + 31 days fill 5 weeks */
	if (rows.length !== 5)
		f.push('want 5 body rows, found ' + rows.length);
	let prev = null, today = 0;
	const days = [];
	rows.forEach((tr, r) => {
		const cells = [...tr.children];
		if (cells.length !== 7 || cells.some((c) => c.tagName !== 'TD'))
			f.push('row ' + (r + 1) + ': want 7 <td>, found ' +
			    cells.map((c) => c.tagName.toLowerCase()).join(' '));
		cells.forEach((td, col) => {
			const where = 'row ' + (r + 1) + ' cell ' + (col + 1);
			const date = dateOf(td);
			const adjacent = td.classList.contains('adjacent');
			if (!date) {
				if (td.textContent.trim() !== '')
					f.push(where + ': text without a date');
				return;
			}
			const d = new Date(date + 'T00:00:00Z');
			if (isNaN(d) || iso(d) !== date)
				return f.push(where + ': bad date ' + date);
			if (d.getUTCDay() !== (col + 1) % 7)
				f.push(where + ': ' + date + ' in the wrong column');
			if (prev && d - prev !== 86400000)
				f.push(where + ': ' + date + ' does not follow ' +
				    iso(prev));
			prev = d;
			if (td.textContent.trim() !== String(d.getUTCDate()))
				f.push(where + ': shows "' + td.textContent.trim() +
				    '" for ' + date);
			if (!adjacent && date.startsWith('2026-12-'))
				days.push(date);
			const count = Number(td.dataset.count || 0);
			const has = count > 0 || td.classList.contains('has-events') ||
			    [...td.classList].some((c) => /events/.test(c));
			const a = td.querySelector('a[href]');
			if (has && !a)
				f.push(where + ': ' + date + ' has events but no link');
			if (!has && a)
				f.push(where + ': ' + date + ' links without events');
			const current = td.getAttribute('aria-current') === 'date';
			if (current)
				today++;
			if (current !== (date === TODAY))
				f.push(where + ': ' + date + (current ? ' is' :
				    ' is not') + ' marked as today');
		});
	});
	if (days.length !== 31 || days[0] !== '2026-12-01' ||
	    days[30] !== '2026-12-31')
		f.push('want the days 2026-12-01 to -31, found ' + days.length +
		    ' days ' + days[0] + '..' + days[days.length - 1]);
	if (today !== 1)
		f.push('want 1 cell marked as today, found ' + today);
	if (!t.querySelector('a[href]'))
		f.push('no day links to its events (the feed has events)');
	return f;
};
