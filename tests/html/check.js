'use strict';
// The HTML checks, as tests/html.sh runs them (read it first):
//
//   node tests/html/check.js TOP
//
// Each case TOP/tests/html/cases/NAME.sh prints a complete HTML document.
// The Nu HTML Checker reads all of them in one run (errors and warnings
// fail); one headless Chromium loads each page from a file:// URL, runs
// axe-core on it (the WCAG 2.x A and AA rules; a violation fails) and,
// when NAME.js is there, that assertion module in the page.  The cases
// in TOP/tests/html/selftest/ must fail, each with the reasons that its
// NAME.expect names, so that a checker that passes everything fails here.
// One line per case, PASS or FAIL with the reasons; the last line is
// "N passed, N failed"; the exit status is non-zero on a failure.
//
// An assertion module exports one function, which is run in the page
// (page.evaluate: it is sent as text, so it uses nothing from its
// module) and returns a list of failure strings, empty when all is well:
//
//   module.exports = function () { const f = []; ...; return f; };
//
// A module that sets module.exports.viewports, a list of widths in CSS
// pixels (e.g. [360, 1024]), is run once at each of them (800 pixels
// high), its failures prefixed with the width; axe runs before, at
// Chromium's default viewport.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { pathToFileURL } = require('url');

const top = path.resolve(process.argv[2] || '.');
const here = path.join(top, 'tests', 'html');
const modules = path.join(here, 'node_modules');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const vnuJar = path.join(modules, 'vnu-jar', 'build', 'dist', 'vnu.jar');
const axeJs = path.join(modules, 'axe-core', 'axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Each case: name, kind (cases or selftest), script, html, reasons.
function findCases() {
	const list = [];
	for (const kind of ['cases', 'selftest']) {
		const dir = path.join(here, kind);
		if (!fs.existsSync(dir))
			continue;
		for (const f of fs.readdirSync(dir).sort()) {
			if (!f.endsWith('.sh'))
				continue;
			const base = path.join(dir, f.slice(0, -3));
			list.push({
				name: kind + '/' + f.slice(0, -3), kind,
				script: base + '.sh', assert: base + '.js',
				expect: base + '.expect', reasons: [],
			});
		}
	}
	return list;
}

// The case scripts run at the top of the tree, with the built tools
// first on PATH and the environment of the CLI tests (tests/run.sh).
function generate(c, dir) {
	const env = Object.assign({}, process.env, {
		PATH: path.join(top, 'build', 'bin') + ':' + process.env.PATH,
		TOP: top, TZ: 'Europe/Berlin', LANG: 'C.UTF-8',
		EV_NOW: '2016-12-21T10:00:00+01:00',
	});
	for (const v of ['LC_ALL', 'LC_TIME', 'NO_COLOR'])
		delete env[v];
	const r = spawnSync('sh', [c.script], {
		cwd: top, env, encoding: 'utf8', timeout: 30000,
		maxBuffer: 64 << 20,
	});
	c.html = path.join(dir, c.name.replace('/', '--') + '.html');
	fs.writeFileSync(c.html, r.stdout || '');
	if (r.status !== 0 || !r.stdout || r.stderr) {
		const why = r.error ? r.error.message :
		    r.status === null ? 'killed by ' + r.signal :
		    r.status !== 0 ? 'exited ' + r.status :
		    !r.stdout ? 'printed nothing' : 'wrote to stderr';
		c.reasons.push('case script ' + why + ': ' +
		    (r.stderr || '').trim().split('\n').slice(0, 5).join(' | '));
		c.broken = true;
	}
}

// vnu over every page at once: one JVM start.  -Xss: its schema code
// recurses deeply; C1 only: it starts twice as fast here, and one run
// does not pay back the optimizing compiler.
function runVnu(files) {
	return new Promise((resolve) => {
		const args = ['-Xss8m', '-XX:TieredStopAtLevel=1', '-jar', vnuJar,
		    '--format', 'json', '--stdout', '--exit-zero-always', ...files];
		const p = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '', err = '';
		p.stdout.on('data', (d) => { out += d; });
		p.stderr.on('data', (d) => { err += d; });
		p.on('error', (e) => resolve({ fatal: 'java: ' + e.message }));
		p.on('close', (code) => {
			try {
				resolve({ messages: JSON.parse(out).messages });
			} catch (e) {
				resolve({ fatal: 'vnu exited ' + code +
				    ' without a report: ' + (err || out).trim().slice(0, 500) });
			}
		});
	});
}

// Errors and warnings fail; "info" without subType is a note only.
function vnuReasons(cases, report) {
	const byUrl = new Map(cases.map((c) => [pathToFileURL(c.html).href, c]));
	for (const m of report.messages) {
		const url = (m.url || '').replace(/^file:\/(?!\/)/, 'file:///');
		const c = byUrl.get(url);
		const at = m.lastLine ? m.lastLine + '.' + (m.firstColumn ||
		    m.lastColumn) + ': ' : '';
		const what = m.type === 'info' ? m.subType : m.type;
		if (m.type === 'info' && m.subType !== 'warning')
			continue;
		const text = 'vnu ' + what + ': ' + at + m.message;
		if (c)
			c.reasons.push(text);
		else
			cases.forEach((x) => x.reasons.push(text + ' (' + m.url + ')'));
	}
}

async function launch(puppeteer, profile) {
	return puppeteer.launch({
		executablePath: chromium,
		headless: true,
		pipe: true,
		userDataDir: profile,
		timeout: 30000,
		protocolTimeout: 30000,
		args: ['--headless', '--no-sandbox', '--disable-gpu',
		    '--disable-quic', '--no-first-run',
		    '--disable-background-networking',
		    '--disable-component-update', '--disable-sync',
		    '--disable-dev-shm-usage', '--user-data-dir=' + profile],
	});
}

// axe's WCAG 2.x A/AA violations, then the case's assertions.
async function checkPage(browser, c) {
	const page = await browser.newPage();
	const errors = [];
	page.on('pageerror', (e) => errors.push('page error: ' + e.message));
	try {
		await page.goto(pathToFileURL(c.html).href,
		    { waitUntil: 'load', timeout: 15000 });
		await page.addScriptTag({ path: axeJs });
		const violations = await page.evaluate(async (tags) => {
			/* global axe */
			const r = await axe.run(document,
			    { runOnly: { type: 'tag', values: tags } });
			return r.violations.map((v) => 'axe ' + v.id + ' (' +
			    v.impact + '): ' + v.help + ': ' + v.nodes.map((n) =>
			    n.target.join(' ')).slice(0, 5).join(', '));
		}, AXE_TAGS);
		c.reasons.push(...violations);
		if (fs.existsSync(c.assert)) {
			const fn = require(c.assert);
			const widths = Array.isArray(fn.viewports) ?
			    fn.viewports : [0];
			for (const w of widths) {
				const at = w ? w + 'px: ' : '';
				if (w)
					await page.setViewport({ width: w, height: 800 });
				const got = await page.evaluate(fn);
				if (!Array.isArray(got))
					c.reasons.push('assert: ' + at +
					    path.basename(c.assert) + ' returned no list');
				else
					c.reasons.push(...got.map((s) => 'assert: ' +
					    at + s));
			}
		}
	} catch (e) {
		c.reasons.push('chromium: ' + e.message.split('\n')[0]);
	}
	c.reasons.push(...errors);
	await page.close().catch(() => {});
}

// A self-test passes when it fails with every reason its .expect names
// (one a line: the start of a reason, e.g. "vnu error" or "axe image-alt").
function verdict(c) {
	if (c.kind === 'cases')
		return c.reasons.length === 0 ? null : c.reasons;
	const want = fs.existsSync(c.expect) ? fs.readFileSync(c.expect,
	    'utf8').split('\n').map((s) => s.trim()).filter(Boolean) : [];
	if (want.length === 0)
		return ['no ' + path.basename(c.expect) + ' names a reason'];
	if (c.broken)
		return c.reasons;
	const missing = want.filter((w) => !c.reasons.some((r) =>
	    r.startsWith(w)));
	if (missing.length === 0) {
		c.expected = want.map((w) => c.reasons.find((r) =>
		    r.startsWith(w))).join(' | ');
		return null;
	}
	return missing.map((w) => 'should have failed with "' + w +
	    '", but' + (c.reasons.length ? ' failed with: ' +
	    c.reasons.join(' | ') : ' passed'));
}

async function main() {
	const t0 = Date.now();
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'evkit-html.'));
	const cases = findCases();
	let status = 0;
	try {
		if (cases.length === 0)
			throw new Error('no cases in ' + here);
		cases.forEach((c) => generate(c, tmp));
		const pages = cases.filter((c) => !c.broken);
		/* vnu (a JVM) and Chromium start side by side */
		const vnu = runVnu(pages.map((c) => c.html));
		const puppeteer = require('puppeteer-core');
		const browser = await launch(puppeteer,
		    fs.mkdtempSync(path.join(tmp, 'profile.'))).catch((e) => {
			throw new Error('Chromium (' + chromium + ') did not start: ' +
			    e.message.split('\n')[0]);
		});
		try {
			/* two pages at a time: the machine has 2 cores */
			const queue = pages.slice();
			const worker = async () => {
				while (queue.length)
					await checkPage(browser, queue.shift());
			};
			await Promise.all([worker(), worker()]);
		} finally {
			await browser.close().catch(() => {});
		}
		const report = await vnu;
		if (report.fatal)
			pages.forEach((c) => c.reasons.push(report.fatal));
		else
			vnuReasons(pages, report);
	} catch (e) {
		console.log('FAIL: html: ' + e.message.split('\n')[0]);
		console.log('0 passed, 1 failed');
		fs.rmSync(tmp, { recursive: true, force: true });
		return 1;
	}
	let pass = 0, fail = 0;
	for (const c of cases) {
		const bad = verdict(c);
		if (!bad) {
			pass++;
			console.log('PASS: html ' + c.name + (c.kind === 'selftest' ?
			    ' (fails as it should: ' + c.expected + ')' : ''));
			continue;
		}
		fail++;
		status = 1;
		console.log('FAIL: html ' + c.name);
		bad.slice(0, 20).forEach((r) => console.log('    ' + r));
		if (bad.length > 20)
			console.log('    ... and ' + (bad.length - 20) + ' more');
	}
	fs.rmSync(tmp, { recursive: true, force: true });
	console.log('html: ' + cases.length + ' pages in ' +
	    ((Date.now() - t0) / 1000).toFixed(1) + ' s');
	console.log(pass + ' passed, ' + fail + ' failed');
	return status;
}

main().then((s) => process.exit(s), (e) => {
	console.log('FAIL: html: ' + e.message);
	console.log('0 passed, 1 failed');
	process.exit(1);
});
