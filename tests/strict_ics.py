#!/usr/bin/python3
"""strict_ics.py FILE - check that FILE is a strict RFC 5545 calendar.

Prints nothing and exits 0 when it is; else prints one problem per line
("FILE:LINE: what is wrong", LINE being the physical line where known)
and exits 1.  Exit 2 on usage or an unreadable file.

It is independent of evkit on purpose: bytes first (CRLF, 75 octets,
UTF-8, folds), then content lines and components by hand, then the
python3-icalendar parser, which must decode every date and rule.
Run it with /usr/bin/python3 (the Debian python3-icalendar package).
"""

import re
import sys

FOLD_AT = 75
NAME_RE = re.compile(r'^[A-Za-z0-9-]+$')
DATE_RE = re.compile(r'^\d{8}$')
DATETIME_RE = re.compile(r'^\d{8}T\d{6}Z?$')
UTCDATETIME_RE = re.compile(r'^\d{8}T\d{6}Z$')
CONTROL_RE = re.compile(r'[\x00-\x08\x0a-\x1f\x7f]')
# TEXT properties that hold one value: ',' and ';' must be escaped
TEXT_ONE = {'SUMMARY', 'DESCRIPTION', 'LOCATION', 'COMMENT', 'CONTACT',
            'NAME', 'X-WR-CALNAME', 'X-WR-CALDESC'}
# TEXT properties that hold a list: ',' separates, ';' must be escaped
TEXT_LIST = {'CATEGORIES', 'RESOURCES'}
TIME_PROPS = ('DTSTART', 'DTEND', 'RECURRENCE-ID', 'DUE', 'EXDATE',
              'RDATE')
RRULE_PARTS = {'FREQ', 'UNTIL', 'COUNT', 'INTERVAL', 'BYSECOND',
               'BYMINUTE', 'BYHOUR', 'BYDAY', 'BYMONTHDAY', 'BYYEARDAY',
               'BYWEEKNO', 'BYMONTH', 'BYSETPOS', 'WKST'}
FREQS = {'SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY',
         'YEARLY'}


class Checker:
    def __init__(self, name):
        self.name = name
        self.problems = []

    def bad(self, line, msg):
        if line:
            self.problems.append('%s:%d: %s' % (self.name, line, msg))
        else:
            self.problems.append('%s: %s' % (self.name, msg))

    # ---- bytes ---------------------------------------------------------

    def physical_lines(self, data):
        """Split on CRLF, reporting every other line end; returns
        [(lineno, bytes)] without line ends."""
        if data.startswith(b'\xef\xbb\xbf'):
            self.bad(1, 'byte order mark')
        if not data:
            self.bad(0, 'empty file')
            return []
        parts = data.split(b'\n')
        last = parts.pop()      # b'' when the data ends in a line end
        lines = []
        for no, line in enumerate(parts, 1):
            if line.endswith(b'\r'):
                line = line[:-1]
            else:
                self.bad(no, 'bare LF line end')
            lines.append((no, line))
        if last:
            self.bad(len(parts) + 1, 'last line has no CRLF')
            lines.append((len(parts) + 1, last))
        for no, line in lines:
            if b'\r' in line:
                self.bad(no, 'bare CR')
            if len(line) > FOLD_AT:
                self.bad(no, '%d octets, more than %d' % (len(line), FOLD_AT))
        return lines

    def check_utf8(self, lines):
        """Each physical line must be UTF-8 on its own: a fold inside a
        character leaves a torn sequence at one of the two ends."""
        out = []
        for no, line in lines:
            try:
                out.append((no, line.decode('utf-8')))
            except UnicodeDecodeError as e:
                self.bad(no, 'not UTF-8 on its own (%s; fold inside a '
                         'character?)' % e.reason)
                out.append((no, line.decode('utf-8', 'replace')))
        return out

    # ---- content lines ------------------------------------------------

    def unfold(self, lines):
        logical = []
        for no, line in lines:
            if line[:1] in (' ', '\t'):
                if not logical:
                    self.bad(no, 'continuation line at the start')
                    continue
                logical[-1][1] += line[1:]
            elif line == '':
                self.bad(no, 'empty line')
            else:
                logical.append([no, line])
        return logical

    def parse(self, no, line):
        """name, [(pname, [values])], value; or None when malformed."""
        m = re.match(r'[^;:]*', line)
        name = m.group(0)
        i = m.end()
        if not NAME_RE.match(name):
            self.bad(no, 'bad property name "%s"' % name)
            return None
        params = []
        while i < len(line) and line[i] == ';':
            m = re.match(r'([^=;:]*)=', line[i + 1:])
            if not m or not NAME_RE.match(m.group(1)):
                self.bad(no, 'bad parameter in %s' % name)
                return None
            pname = m.group(1).upper()
            i += 1 + m.end()
            values = []
            while True:
                if line[i:i + 1] == '"':
                    j = line.find('"', i + 1)
                    if j < 0:
                        self.bad(no, 'unterminated quote in %s' % name)
                        return None
                    values.append(line[i + 1:j])
                    i = j + 1
                else:
                    m = re.match(r'[^";:,]*', line[i:])
                    values.append(m.group(0))
                    i += m.end()
                if line[i:i + 1] != ',':
                    break
                i += 1
            params.append((pname, values))
        if line[i:i + 1] != ':':
            self.bad(no, 'no ":" after the name and parameters of %s' % name)
            return None
        value = line[i + 1:]
        if CONTROL_RE.search(line):
            self.bad(no, 'control character in %s' % name)
        return name.upper(), params, value

    def check_text(self, no, name, value):
        i = 0
        while i < len(value):
            c = value[i]
            if c == '\\':
                if value[i + 1:i + 2] not in ('\\', ';', ',', 'n', 'N'):
                    self.bad(no, 'bad escape in %s' % name)
                i += 2
                continue
            if c == ';' or (c == ',' and name in TEXT_ONE):
                self.bad(no, 'unescaped "%s" in %s' % (c, name))
            i += 1

    # ---- components ---------------------------------------------------

    def structure(self, logical):
        stack = []
        tops = []
        for no, line in logical:
            parsed = self.parse(no, line)
            if parsed is None:
                continue
            name, params, value = parsed
            if name == 'BEGIN':
                comp = {'name': value.upper(), 'line': no, 'props': [],
                        'subs': []}
                if stack:
                    stack[-1]['subs'].append(comp)
                else:
                    tops.append(comp)
                stack.append(comp)
            elif name == 'END':
                if not stack or stack[-1]['name'] != value.upper():
                    self.bad(no, 'END:%s does not close %s' % (
                        value, stack[-1]['name'] if stack else 'anything'))
                    return tops
                stack.pop()
            elif not stack:
                self.bad(no, '%s outside any component' % name)
            else:
                stack[-1]['props'].append((no, name, dict(params), value))
        for comp in stack:
            self.bad(comp['line'], 'BEGIN:%s never ends' % comp['name'])
        return tops

    def props(self, comp, name):
        return [p for p in comp['props'] if p[1] == name]

    def once(self, comp, name, required=True):
        found = self.props(comp, name)
        if len(found) > 1:
            self.bad(found[1][0], '%s more than once in %s' % (
                name, comp['name']))
        elif not found and required:
            self.bad(comp['line'], '%s without %s' % (comp['name'], name))
        return found[0] if found else None

    def check_time(self, p):
        if p is None:
            return None
        no, name, params, value = p
        kind = params.get('VALUE', ['DATE-TIME'])[0].upper()
        if kind == 'DATE':
            if not DATE_RE.match(value):
                self.bad(no, 'bad DATE in %s: "%s"' % (name, value))
            if 'TZID' in params:
                self.bad(no, 'TZID on a DATE in %s' % name)
        elif not DATETIME_RE.match(value):
            self.bad(no, 'bad DATE-TIME in %s: "%s"' % (name, value))
        elif 'TZID' in params and value.endswith('Z'):
            self.bad(no, 'TZID on a UTC time in %s' % name)
        return kind

    def check_rrule(self, comp):
        for no, _, _, value in self.props(comp, 'RRULE'):
            parts = {}
            for part in value.split(';'):
                k, eq, v = part.partition('=')
                k = k.upper()
                if not eq or k not in RRULE_PARTS or k in parts:
                    self.bad(no, 'bad RRULE part "%s"' % part)
                parts[k] = v
            if parts.get('FREQ', '').upper() not in FREQS:
                self.bad(no, 'RRULE without a valid FREQ')
            if 'UNTIL' in parts and 'COUNT' in parts:
                self.bad(no, 'RRULE with both UNTIL and COUNT')

    def check_event(self, ev, seen):
        uid = self.once(ev, 'UID')
        rid = self.once(ev, 'RECURRENCE-ID', False)
        if uid:
            # one UID is one event; only overrides (RECURRENCE-ID) share it
            key = (uid[3], rid[3] if rid else None)
            if key in seen:
                self.bad(uid[0], 'UID "%s" already used at line %d' % (
                    uid[3], seen[key]))
            seen.setdefault(key, uid[0])
        stamp = self.once(ev, 'DTSTAMP')
        if stamp and not UTCDATETIME_RE.match(stamp[3]):
            self.bad(stamp[0], 'DTSTAMP not a UTC DATE-TIME: "%s"' %
                     stamp[3])
        start = self.check_time(self.once(ev, 'DTSTART'))
        end = self.check_time(self.once(ev, 'DTEND', False))
        self.check_time(rid)
        dur = self.once(ev, 'DURATION', False)
        if end and dur:
            self.bad(dur[0], 'both DTEND and DURATION')
        if start and end and start != end:
            self.bad(ev['line'], 'DTEND is not of the type of DTSTART')
        self.check_rrule(ev)

    def check_vtimezone(self, tz):
        tzid = self.once(tz, 'TZID')
        parts = [s for s in tz['subs'] if s['name'] in ('STANDARD',
                                                        'DAYLIGHT')]
        if not parts:
            self.bad(tz['line'], 'VTIMEZONE without STANDARD or DAYLIGHT')
        for part in parts:
            for name in ('TZOFFSETFROM', 'TZOFFSETTO', 'DTSTART'):
                self.once(part, name)
        # TZID is TEXT (RFC 5545 3.8.3.1): "A\\, B" names "A, B"
        return (re.sub(r'\\([\\;,])', r'\1', tzid[3]) if tzid
                else None)

    def walk(self, comp):
        yield comp
        for sub in comp['subs']:
            yield from self.walk(sub)

    def components(self, tops):
        cals = [c for c in tops if c['name'] == 'VCALENDAR']
        if len(tops) != 1 or len(cals) != 1:
            self.bad(0, '%d top-level components, %d VCALENDAR; want '
                     'exactly one VCALENDAR' % (len(tops), len(cals)))
        if not cals:
            return
        cal = cals[0]
        version = self.once(cal, 'VERSION')
        if version and version[3] != '2.0':
            self.bad(version[0], 'VERSION is "%s", not 2.0' % version[3])
        self.once(cal, 'PRODID')
        defined = {}
        used = {}
        seen = {}
        for comp in self.walk(cal):
            for no, name, params, value in comp['props']:
                if name in TEXT_ONE or name in TEXT_LIST:
                    self.check_text(no, name, value)
                for tzid in params.get('TZID', []):
                    used.setdefault(tzid, no)
            if comp['name'] == 'VEVENT':
                self.check_event(comp, seen)
            elif comp['name'] == 'VTIMEZONE':
                if comp not in cal['subs']:
                    self.bad(comp['line'], 'VTIMEZONE not in VCALENDAR')
                tzid = self.check_vtimezone(comp)
                if tzid in defined:
                    self.bad(comp['line'], 'second VTIMEZONE "%s"' % tzid)
                defined[tzid] = comp
        for tzid, no in sorted(used.items(), key=lambda kv: kv[1]):
            if tzid not in defined:
                self.bad(no, 'TZID "%s" has no VTIMEZONE' % tzid)

    # ---- python3-icalendar --------------------------------------------

    def library(self, data):
        try:
            import icalendar
        except ImportError as e:
            self.bad(0, 'cannot import icalendar: %s' % e)
            return
        try:
            cal = icalendar.Calendar.from_ical(data)
        except Exception as e:      # any failure is a problem
            self.bad(0, 'icalendar cannot parse it: %s' % e)
            return
        for comp in cal.walk():
            for prop, err in getattr(comp, 'errors', []):
                self.bad(0, 'icalendar: %s in %s: %s' % (prop, comp.name,
                                                        err))
            for name in TIME_PROPS + ('RRULE',):
                if name not in comp:
                    continue
                try:
                    comp.decoded(name)
                except Exception as e:
                    self.bad(0, 'icalendar cannot decode %s in %s: %s' % (
                        name, comp.name, e))
            if comp.name == 'VTIMEZONE':
                try:
                    comp.to_tz()
                except Exception as e:
                    self.bad(0, 'icalendar cannot use VTIMEZONE %s: %s' % (
                        comp.get('TZID'), e))

    def run(self, data):
        lines = self.check_utf8(self.physical_lines(data))
        tops = self.structure(self.unfold(lines))
        self.components(tops)
        self.library(data)
        return self.problems


def main(argv):
    if len(argv) != 2:
        sys.stderr.write('usage: strict_ics.py FILE\n')
        return 2
    try:
        with open(argv[1], 'rb') as f:
            data = f.read()
    except OSError as e:
        sys.stderr.write('strict_ics.py: %s: %s\n' % (argv[1], e.strerror))
        return 2
    problems = Checker(argv[1]).run(data)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
