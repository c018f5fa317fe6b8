# Day placement and ISO week numbers of every month from 1900 to 2100,
# Monday and Sunday first, against Python's datetime (an independent
# proleptic Gregorian calendar), not evkit's own civil-date code: every
# table row is seven consecutive days from the week start, the month's
# days all appear in order, the neighbouring days fill the first and last
# week only, and each row's week number is the ISO week of its Monday.
exec python3 - <<'PY'
import datetime, re, subprocess, sys

row_re = re.compile(r'<tr>(.*?)</tr>')
cell_re = re.compile(r'<td([^>]*)>')
week_re = re.compile(r'<th scope="row">(\d+)</th>')
date_re = re.compile(r'data-date="(\d{4})-(\d\d)-(\d\d)"')
bad = 0
n = 0
for sunday in (False, True):
    for year in range(1900, 2101):
        args = ["ev-cal", "-o", "html", "-w", "-s" if sunday else "-m",
                "-y", str(year)]
        html = subprocess.run(args, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True).stdout
        tables = html.split('<table')[1:]
        if len(tables) != 12:
            print(year, "has", len(tables), "tables"); bad += 1; continue
        for mon, t in enumerate(tables, 1):
            n += 1
            rows = row_re.findall(t.split('<tbody>')[1])
            days = []
            for r in rows:
                cells = [date_re.search(c) for c in cell_re.findall(r)]
                ds = [datetime.date(int(m[1]), int(m[2]), int(m[3]))
                      for m in cells]
                wk = week_re.search(r)
                if len(ds) != 7:
                    print(year, mon, "row of", len(ds)); bad += 1; break
                first = 6 if sunday else 0
                if ds[0].weekday() != first or any(
                        (ds[i] - ds[0]).days != i for i in range(7)):
                    print(year, mon, "row", ds[0]); bad += 1; break
                monday = ds[1] if sunday else ds[0]
                if not wk or int(wk[1]) != monday.isocalendar()[1]:
                    print(year, mon, "week of", monday); bad += 1; break
                days += ds
            own = [d for d in days if d.month == mon]
            start = datetime.date(year, mon, 1)
            nxt = datetime.date(year + mon // 12, mon % 12 + 1, 1)
            if own != [start + datetime.timedelta(i)
                       for i in range((nxt - start).days)]:
                print(year, mon, "days out of order"); bad += 1
            if days and ((days[0] - start).days <= -7 or
                         (days[-1] - nxt).days >= 6):
                print(year, mon, "a whole week of other days"); bad += 1
print(n, "months checked,", bad, "wrong")
sys.exit(1 if bad else 0)
PY
